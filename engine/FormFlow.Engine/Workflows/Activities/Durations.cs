using System.Xml;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>ISO 8601 durations (PT30M, P2D, P1DT12H) as timer, delay and schedule inputs.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (!text.StartsWith('P')) return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static TimeSpan Parse(string text, string inputName) =>
        TryParse(text, out var duration)
            ? duration
            : throw new WorkflowActivityException($"input '{inputName}': '{text}' is not a positive ISO 8601 duration such as PT30M or P2D");
}
