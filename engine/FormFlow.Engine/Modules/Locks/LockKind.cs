namespace FormFlow.Engine.Modules.Locks;

/// <summary>
/// What a lock forbids below the org that set it: any change to the element and its subtree (Element), changes to
/// named properties (Properties), a number outside min–max (Bounds), hiding it (NotRemovable), or changes to what
/// exists while new children are still welcome (AdditionsOnly).
/// </summary>
internal enum LockKind { Element, Properties, Bounds, NotRemovable, AdditionsOnly }
