namespace FormFlow.Engine.JsonInput;

/// <summary>
/// How deep JSON may nest. An input (a definition file, a request body) is read to <see cref="Read"/> levels; a
/// document that holds inputs (a module holding its forms and workflow, an answer holding a module) is written with
/// <see cref="Write"/>, so writing what was accepted never fails on depth.
/// </summary>
public static class JsonDepth
{
    public const int Read = 64;
    public const int Write = 256;
}
