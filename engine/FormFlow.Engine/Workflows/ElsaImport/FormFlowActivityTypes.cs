namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// The FormFlow activity types and inputs the Elsa activities turn into, in one place so the mapping reads as a
/// table: Elsa type → FormFlow type (input names in the comments are those of the FormFlow activity library).
/// </summary>
internal static class FormFlowActivityTypes
{
    public const string Start = "start";
    public const string End = "end";                 // terminate: true for Elsa Finish
    public const string Decision = "decision";       // condition; outcomes true / false (also Elsa If)
    public const string Switch = "switch";           // cases: [{outcome, condition}]; outcome default
    public const string Fork = "fork";               // one branch per "done" connection
    public const string Join = "join";               // mode: all / any
    public const string SetVariable = "setVariable"; // name, value (also Elsa SetOutput)
    public const string Script = "script";           // script: JavaScript statements
    public const string Delay = "delay";             // duration: ISO 8601 (Elsa Delay)
    public const string Timer = "timer";             // interval: ISO 8601 (Elsa Timer)
    public const string WaitForEvent = "waitForEvent"; // event
    public const string Log = "log";                 // text: a line recorded on the instance (Elsa WriteLine)
}
