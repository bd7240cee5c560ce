using System.Net.Mime;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Files;
using FormFlow.Server.Auth;
using FormFlow.Server.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Files;

/// <summary>Uploads for file, image and signature fields, and reading them back.</summary>
internal static class FileEndpoints
{
    public const string Path = "/api/files";
    public const string FormField = "file";

    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(Path).WithTags("Files").RequireAuthorization().ProducesProblem(401);
        files.MapPost("/", UploadAsync)
            // Not .Accepts(): routing would answer other content types with a generic 415 before the handler names the field.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadBody;
                return Task.CompletedTask;
            })
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415)
            .WithSummary($"Uploads one file (multipart field '{FormField}'): PNG, JPEG, GIF, WebP, SVG, PDF, Word or Excel, " +
                         "checked by its content. Returns the file reference to put in form data.");
        files.MapGet("/{id}", DownloadAsync).ProducesProblem(404)
            .WithSummary("The file's bytes, for its uploader, for staff of the uploader's unions and for readers of a feed item showing it; 404 for anyone else.");
    }

    private static readonly OpenApiRequestBody UploadBody = new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { FormField },
                    Properties = new Dictionary<string, IOpenApiSchema> { [FormField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            },
        },
    };

    private static async Task<Results<Created<FileView>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, FormFlowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, request.HttpContext.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not a file upload",
                $"send multipart/form-data with the file in the field '{FormField}'");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // The multipart body itself is broken (no boundary, cut off, bad section headers): the client's fault.
            return Problem(StatusCodes.Status400BadRequest, "Not a readable multipart body", ex.Message);
        }
        if (form.Files.GetFile(FormField) is not { } upload)
            return Problem(StatusCodes.Status400BadRequest, "No file", $"the multipart field '{FormField}' holds no file");
        if (upload.Length == 0)
            return Problem(StatusCodes.Status400BadRequest, "Empty file", $"the file '{upload.FileName}' is empty");

        var content = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        if (FileKinds.Detect(content, upload.ContentType) is not { } contentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "File type not accepted",
                $"the content of '{upload.FileName}' (declared {upload.ContentType}) is not one of {string.Join(", ", FileKinds.ContentTypes)}");

        var file = new StoredFile
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            OwnerAccountId = account.Id,
            Name = FileName(upload.FileName),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Content = content,
        };
        // Taken before the save seals the name (Privacy/FileNameSealing).
        var view = FileView.Of(file);
        db.Files.Add(file);
        // Not the name: it is personal, and sealed in the file's row.
        AuditLog.Append(db, account.UserName!, "file.upload", $"file:{file.Id}", AuditLog.OrgOf(account), new JsonObject
        {
            ["contentType"] = file.ContentType, ["size"] = file.Size, ["sha256"] = file.Sha256,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{Path}/{file.Id}", view);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, HttpContext http, FormFlowDbContext db, PiiProtector pii, TimeProvider clock, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || !await FileAccess.MayReadAsync(db, account, file, clock.GetUtcNow().UtcDateTime, ct))
            return Problem(StatusCodes.Status404NotFound, "File not found", $"file {id} does not exist or is not visible to you");

        // Opened directly, an SVG could run script: files are sandboxed, and anything but an image downloads.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDisposition { FileName = pii.OpenText(file.Name), Inline = FileKinds.IsImage(file.ContentType) };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(file.Content, file.ContentType);
    }

    /// <summary>The name as shown: no folders, no control characters, at most 255 characters.</summary>
    private static string FileName(string given)
    {
        var name = new string(System.IO.Path.GetFileName(given.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 255) name = name[^255..];
        return name.Length == 0 ? "file" : name;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
