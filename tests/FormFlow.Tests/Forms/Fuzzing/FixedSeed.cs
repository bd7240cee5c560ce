namespace FormFlow.Tests.Forms.Fuzzing;

/// <summary>
/// Seeds that are the same on every run and machine, so a failure found by random data replays: string.GetHashCode
/// is randomised per process and cannot serve.
/// </summary>
internal static class FixedSeed
{
    private const int Base = 20_261_206;

    /// <summary>A seed for the named input (a file name): FNV-1a over its UTF-16 units, mixed with a fixed base.</summary>
    public static int For(string name)
    {
        var hash = 2_166_136_261u;
        foreach (var unit in name) hash = (hash ^ unit) * 16_777_619u;
        return (int)(hash & 0x7fffffff) ^ Base;
    }
}
