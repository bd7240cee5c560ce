using System.Collections.Concurrent;

namespace FormFlow.Server.WebUi;

/// <summary>
/// What the files of the web root hold, read once per version of each file (its write time, so a rebuild is seen
/// without a restart): the apps' pages, the Portal's stylesheets written into a page, the Portal's words. What is
/// kept is per file and type made: each file has one reader.
/// </summary>
internal sealed class WebRootFiles(WebRoot root)
{
    private readonly ConcurrentDictionary<(string Path, Type Made), (DateTime Written, object? Value)> _read = new();

    /// <summary>
    /// What <paramref name="make"/> makes of the text of <paramref name="relative"/> (made once per version of the file);
    /// null when the web root has no such file, or when <paramref name="make"/> says null.
    /// </summary>
    public async Task<T?> ReadAsync<T>(string relative, Func<string, T?> make, CancellationToken ct) where T : class
    {
        var path = root.PathOf(relative);
        if (!File.Exists(path)) return null;
        var written = File.GetLastWriteTimeUtc(path);
        var key = (path, typeof(T));
        if (_read.TryGetValue(key, out var read) && read.Written == written) return (T?)read.Value;
        var value = make(await File.ReadAllTextAsync(path, ct));
        _read[key] = (written, value);
        return value;
    }

    /// <summary>The text of <paramref name="relative"/>, or null when the web root has no such file.</summary>
    public Task<string?> TextAsync(string relative, CancellationToken ct) => ReadAsync(relative, text => text, ct);
}
