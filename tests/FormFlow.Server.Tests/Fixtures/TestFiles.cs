using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Uploading files as the Portal does, for form data that holds file references.</summary>
public static class TestFiles
{
    /// <summary>The start of a PNG image: enough for the server to recognise the type.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    public static MultipartFormDataContent Multipart(byte[] content, string name, string contentType, string field = "file")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { part, field, name } };
    }

    /// <summary>Uploads a PNG as the client's account and returns the file reference for form data.</summary>
    public static async Task<JsonObject> UploadPngAsync(HttpClient client, string name = "签名.png")
    {
        var response = await client.PostAsync("/api/files", Multipart(Png, name, "image/png"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.JsonAsync(response);
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the rows as an Excel sheet (the first row's keys are the header), uploads it and returns its file ID.</summary>
    public static async Task<string> UploadSheetAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows, string name = "导入.xlsx")
    {
        using var book = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(book, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
        var response = await client.PostAsync("/api/files", Multipart(book.ToArray(), name, Xlsx));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await Api.JsonAsync(response))["id"]!;
    }
}
