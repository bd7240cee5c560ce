using System.IO.Compression;
using System.Security.Cryptography;
using FormFlow.Persistence;
using FormFlow.Persistence.Files;
using FormFlow.Persistence.Publications;
using FormFlow.Server.Publications;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace FormFlow.Server.Demo;

/// <summary>
/// The demo feed, so that a new user sees a living 资讯 tab: a pinned notice with a picture, three FAQ entries and
/// the directory (the 12351 hotline and an official account with its QR code), published at the demo city by the
/// designer. Each item carries a "demo:" key: a restart, or a second process, adds nothing twice.
/// </summary>
internal static class DemoContent
{
    private sealed record Item(string Key, string Kind, string Title, string Summary, string Body, string[] Tags,
        bool Pinned = false, string? Phone = null, Func<byte[]>? Cover = null, Func<byte[]>? Qr = null);

    private static readonly Item[] Items =
    [
        new("demo:notice", PublicationKinds.Notice, "图解：2026年职工医疗互助保障活动开始参保",
            "在职职工均可参加，每人每年80元，住院、门诊大病均可申请互助金。",
            "<h2>谁可以参加</h2><p>本市各级工会组织的在职会员职工，均可由所在工会统一办理参保。</p>" +
            "<h2>保障内容</h2><ul><li>住院医疗互助金：按合规费用分段给付；</li><li>门诊特殊病互助金；</li><li>意外伤害互助金。</li></ul>" +
            "<p><img src=\"{cover}\" alt=\"医疗互助保障示意图\"></p>" +
            "<blockquote>参保截止日期为3月31日，逾期不再办理。</blockquote>" +
            "<p>咨询电话：<a href=\"tel:12351\">12351</a>。</p>",
            ["政策解读", "医疗互助"], Pinned: true, Cover: Banner),
        new("demo:faq:1", PublicationKinds.Faq, "单位拖欠工资，可以向工会求助吗？",
            "可以。工会提供法律咨询和法律援助。",
            "<p>可以。您可以通过服务大厅的“法律咨询”提交问题，区总工会律师将在5个工作日内答复；符合条件的，可申请工会法律援助。</p>",
            ["法律咨询", "工资"]),
        new("demo:faq:2", PublicationKinds.Faq, "入会申请提交后多久能办好？",
            "基层工会在15个工作日内审核。",
            "<p>基层工会在15个工作日内审核；逾期未办理的会自动上报街道总工会督办。审核通过后即可在“会员卡”中查看电子会员卡。</p>",
            ["入会"]),
        new("demo:faq:3", PublicationKinds.Faq, "会员优惠在哪些商户可以使用？",
            "出示电子会员卡，在合作商户享受优惠。",
            "<p>在“会员卡”页面出示二维码，合作商户核验后即可享受优惠，每项权益每年有使用次数上限。</p>",
            ["会员权益"]),
        new("demo:directory:hotline", PublicationKinds.Directory, "职工服务热线 12351",
            "工作日 8:30–17:30，法律咨询、困难帮扶、投诉建议。", "", ["热线"], Phone: "12351"),
        new("demo:directory:wechat", PublicationKinds.Directory, "某市总工会微信公众号",
            "扫码关注，获取工会资讯和服务。", "", ["微信公众号"], Qr: () => QrPng("https://mp.weixin.qq.com/demo-union")),
    ];

    public static async Task<int> SeedAsync(FormFlowDbContext db, DateTime now, CancellationToken ct = default)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct);
        var author = await db.Users.SingleOrDefaultAsync(a => a.UserName == "designer", ct);
        if (city is null || author is null) return 0;
        var keys = Items.Select(i => i.Key).ToList();
        var existing = await db.Publications.Where(p => keys.Contains(p.IdempotencyKey!)).Select(p => p.IdempotencyKey).ToListAsync(ct);
        var added = 0;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        // Oldest first, so the feed shows the notice, then the FAQ, then the directory, newest on top.
        foreach (var (item, order) in Items.Select((item, i) => (item, i)).Where(x => !existing.Contains(x.item.Key)))
        {
            var at = now.AddMinutes(order - Items.Length);
            var cover = item.Cover is null ? null : AddFile(db, author.Id, "cover.png", item.Cover(), at);
            var qr = item.Qr is null ? null : AddFile(db, author.Id, "qr.png", item.Qr(), at);
            var publication = new Publication
            {
                Kind = item.Kind, Title = "", Status = PublicationStatuses.Published, PublishAt = at, Pinned = item.Pinned,
                Phone = item.Phone, Tags = PublicationTags.Write(item.Tags), OrgUnitId = city.Id, AuthorAccountId = author.Id,
                IdempotencyKey = item.Key, CreatedAt = at, UpdatedAt = at,
            };
            var body = cover is null ? item.Body : item.Body.Replace("{cover}", $"/api/files/{cover}", StringComparison.Ordinal);
            await PublicationContent.ApplyAsync(db, publication, item.Title, item.Summary, body, new PublicationContent.Files(cover, [], qr), ct);
            db.Publications.Add(publication);
            added++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    private static string AddFile(FormFlowDbContext db, string owner, string name, byte[] content, DateTime at)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Files.Add(new StoredFile
        {
            Id = id, OwnerAccountId = owner, Name = name, ContentType = "image/png", Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), CreatedAt = at, Content = content,
        });
        return id;
    }

    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    /// <summary>A 360×160 picture drawn in code (bands of the union's red and a light sky), so no binary ships in the repository.</summary>
    private static byte[] Banner()
    {
        const int width = 360, height = 160;
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var red = y > 110 || (x / 40 + y / 40) % 5 == 0;
                var (r, g, b) = red ? ((byte)200, (byte)30, (byte)45) : ((byte)(235 - y / 4), (byte)(242 - y / 8), (byte)250);
                raw[row + 1 + x * 3] = r;
                raw[row + 2 + x * 3] = g;
                raw[row + 3 + x * 3] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    /// <summary>PNG's chunk checksum (CRC-32, ISO-HDLC), bit by bit: a few small images once per demo database.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
