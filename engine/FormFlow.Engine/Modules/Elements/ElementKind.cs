namespace FormFlow.Engine.Modules.Elements;

/// <summary>What an element ID names in a module: a form or one of its parts, the workflow or an activity, a setting.</summary>
internal enum ElementKind { Form, Page, Section, Field, Workflow, Activity, Setting }

internal static class ElementKinds
{
    /// <summary>The array that holds an element's children, and what those children are.</summary>
    public static (string Container, ElementKind Child)? Children(ElementKind kind) => kind switch
    {
        ElementKind.Form => ("pages", ElementKind.Page),
        ElementKind.Page => ("sections", ElementKind.Section),
        ElementKind.Section => ("fields", ElementKind.Field),
        ElementKind.Field => ("fields", ElementKind.Field),
        ElementKind.Workflow => ("activities", ElementKind.Activity),
        _ => null,
    };

    public static string Name(ElementKind kind) => kind.ToString().ToLowerInvariant();
}
