using Acornima;

namespace FormFlow.Engine.Forms.Rules;

/// <summary>Interim: syntax check with Acornima until the expression engine (and its allowed-subset check) is merged.</summary>
internal static class RuleSyntax
{
    public static IReadOnlyList<(string Message, int Line, int Column)> Check(string source)
    {
        try
        {
            new Parser().ParseExpression(source);
            return [];
        }
        catch (ParseErrorException ex)
        {
            return [(ex.Description ?? ex.Message, ex.LineNumber, ex.Column)];
        }
    }
}
