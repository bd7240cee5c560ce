using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Server.Privacy;
using Microsoft.AspNetCore.DataProtection;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>Personal values of form data: unreadable at rest, masked for readers, in full only where revealed.</summary>
public sealed class PiiProtectorTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("formflow-keys-").FullName;

    private static readonly FormFlow.Engine.Forms.Definitions.FormDefinition Form = FormDefinitionLoader.Load("""
        { "id": "join", "version": "1", "title": { "zh-CN": "入会" }, "pages": [ { "id": "p", "sections": [ { "id": "s", "fields": [
          { "id": "name", "key": "name", "type": "text", "pii": "name", "label": { "zh-CN": "姓名" } },
          { "id": "residentId", "key": "residentId", "type": "residentId", "pii": "residentId", "label": { "zh-CN": "身份证" } },
          { "id": "mobile", "key": "mobile", "type": "mobile", "pii": "phone", "label": { "zh-CN": "手机" } },
          { "id": "employer", "key": "employer", "type": "text", "label": { "zh-CN": "单位" } },
          { "id": "family", "key": "family", "type": "group", "label": { "zh-CN": "家庭成员" }, "fields": [
            { "id": "relative", "key": "relative", "type": "text", "pii": "name", "label": { "zh-CN": "姓名" } },
            { "id": "relation", "key": "relation", "type": "text", "label": { "zh-CN": "关系" } } ] } ] } ] } ] }
        """);

    private static JsonObject Data() => JsonNode.Parse("""
        { "name": "王小芳", "residentId": "11010519491231002X", "mobile": "13812345678", "employer": "华兴电子",
          "family": [ { "relative": "李大明", "relation": "配偶" } ] }
        """)!.AsObject();

    private PiiProtector Protector() => new(DataProtectionProvider.Create(new DirectoryInfo(_keys)));

    [Fact]
    public void Stored_data_holds_no_personal_value_in_clear_and_reads_back_whole()
    {
        var stored = Protector().Protect(Form, Data());
        var text = stored.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var secret in new[] { "王小芳", "11010519491231002X", "13812345678", "李大明", "1234" + "5678" })
            Assert.DoesNotContain(secret, text);
        Assert.Equal("华兴电子", stored["employer"]!.GetValue<string>());
        Assert.Equal("配偶", stored["family"]![0]!["relation"]!.GetValue<string>());
        Assert.StartsWith(PiiProtector.Prefix, stored["mobile"]!.GetValue<string>());
        // Protecting stored data again changes nothing (no double encryption).
        Assert.Equal(stored.ToJsonString(), Protector().Protect(Form, stored).ToJsonString());

        // Another process with the same key ring reads it back, everything revealed.
        Assert.True(JsonNode.DeepEquals(Data(), Protector().OpenAll(stored)));
    }

    [Fact]
    public void Readers_see_masks_unless_a_field_is_revealed_to_them()
    {
        var stored = Protector().Protect(Form, Data());
        var plain = Protector().OpenAll(stored)!.AsObject();
        var listed = PiiProtector.Masked(Form, plain);
        Assert.Equal("王*芳", listed["name"]!.GetValue<string>());
        Assert.Equal("1101**********002X", listed["residentId"]!.GetValue<string>());
        Assert.Equal("138****5678", listed["mobile"]!.GetValue<string>());
        Assert.Equal("李*明", listed["family"]![0]!["relative"]!.GetValue<string>());
        Assert.Equal("华兴电子", listed["employer"]!.GetValue<string>());

        var revealed = PiiProtector.Masked(Form, plain, key => key == "residentId");
        Assert.Equal("11010519491231002X", revealed["residentId"]!.GetValue<string>());
        Assert.Equal("138****5678", revealed["mobile"]!.GetValue<string>());
    }

    [Fact]
    public void Data_protected_under_another_key_ring_cannot_be_read()
    {
        var stored = Protector().Protect(Form, Data());
        var otherKeys = Directory.CreateTempSubdirectory("formflow-keys-").FullName;
        try
        {
            var stranger = new PiiProtector(DataProtectionProvider.Create(new DirectoryInfo(otherKeys)));
            Assert.ThrowsAny<CryptographicException>(() => stranger.OpenAll(stored));
        }
        finally { Directory.Delete(otherKeys, true); }
    }

    [Theory]
    [InlineData("name", "王芳", "王*")]
    [InlineData("name", "欧阳小芳", "欧**芳")]
    [InlineData("phone", "13812345678", "138****5678")]
    [InlineData("residentId", "110101199003071234", "1101**********1234")]
    [InlineData("email", "wang.fang@example.cn", "w***@example.cn")]
    [InlineData("birthDate", "1990-03-07", "1990-**-**")]
    [InlineData("bankAccount", "6222020200112233", "************2233")]
    [InlineData("address", "北京市朝阳区某街道1号", "北京*********")]
    [InlineData("other", "anything", "***")]
    public void Masks_keep_just_enough_to_recognise(string piiClass, string value, string masked) =>
        Assert.Equal(masked, Masks.ForClass(piiClass, value));

    public void Dispose() => Directory.Delete(_keys, true);
}
