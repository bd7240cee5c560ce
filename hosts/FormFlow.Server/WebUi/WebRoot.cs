namespace FormFlow.Server.WebUi;

/// <summary>
/// Where the built browser apps live (<c>designer/dist</c>, copied to <c>ui/</c> beside the server by the build):
/// <c>FormFlow:WebRoot</c>, default <c>&lt;program folder&gt;/ui</c>. The Portal page is <c>index.html</c>, the
/// Studio page <c>studio/index.html</c>, hashed bundles under <c>assets/</c> with <c>.br</c> and <c>.gz</c> siblings.
/// </summary>
internal sealed record WebRoot(string Folder)
{
    public const string SettingKey = "FormFlow:WebRoot";
    public const string PortalPage = "index.html";
    public const string StudioPage = "studio/index.html";

    public static WebRoot From(IConfiguration config) =>
        new(Path.GetFullPath(config[SettingKey] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "ui")));

    public string PathOf(string relative) => Path.Combine(Folder, relative);
}
