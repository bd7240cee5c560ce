using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FormFlow.Server.Effects;
using FormFlow.Server.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Members;

/// <summary>
/// The member card from the worker's phone to the merchant's counter: card → verify → redeem until the quota refuses,
/// forged and expired credentials, and who may do what.
/// </summary>
public abstract class MemberApiTests(ServerFixture server)
{
    [Fact]
    public async Task A_merchant_redeeming_a_benefit_it_does_not_offer_is_422_naming_the_rule_and_records_nothing()
    {
        var worker = await MemberClientAsync("worker");
        var credential = (await Api.JsonAsync(await worker.GetAsync("/api/members/me/card")))["credential"]!.GetValue<string>();
        var merchant = await Api.CookieClientAsync(server, "merchant");
        // The demo merchant offers haircuts and cinema tickets; the member also holds a gym entitlement.
        var refused = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "gym" }), HttpStatusCode.UnprocessableEntity);
        var error = refused["errors"]![0]!;
        Assert.Equal("merchantOffers", error["rule"]!.GetValue<string>());
        Assert.Equal("/benefitId", error["path"]!.GetValue<string>());
        Assert.Contains("'gym'", refused["detail"]!.GetValue<string>());
        await using var db = server.OpenDb();
        Assert.False(await db.Redemptions.AnyAsync(r => r.Entitlement!.BenefitId == "gym"));
    }

    [Fact]
    public async Task A_worker_shows_the_card_the_merchant_verifies_and_redeems_until_the_quota_refuses()
    {
        var worker = await MemberClientAsync("worker");
        var card = await Api.JsonAsync(await worker.GetAsync("/api/members/me/card"));
        Assert.True(MemberNumbersAreWellFormed(card["memberNumber"]!.GetValue<string>()));
        Assert.Equal("刘洋", card["displayName"]!.GetValue<string>());
        Assert.Equal("华兴电子有限公司工会", card["orgName"]!.GetValue<string>());
        Assert.Equal("active", card["status"]!.GetValue<string>());
        Assert.StartsWith("<svg", card["qrSvg"]!.GetValue<string>().TrimStart()[..4]);
        var expiresIn = card["expiresAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));

        var merchant = await Api.CookieClientAsync(server, "merchant");
        var credential = card["credential"]!.GetValue<string>();
        var verified = await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/verify", new { credential }));
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal("刘*", verified["displayName"]!.GetValue<string>()); // merchants see the name masked
        Assert.Equal(card["memberNumber"]!.GetValue<string>(), verified["memberNumber"]!.GetValue<string>());
        var haircut = verified["entitlements"]!.AsArray().Single(e => e!["benefitId"]!.GetValue<string>() == "haircut")!;
        Assert.Equal(("理发", 8, 8), (haircut["name"]!.GetValue<string>(), haircut["quota"]!.GetValue<int>(), haircut["remaining"]!.GetValue<int>()));

        for (var use = 1; use <= 8; use++)
        {
            var redeemed = await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "haircut", note = $"第{use}次" }));
            Assert.Equal(8 - use, redeemed["entitlement"]!["remaining"]!.GetValue<int>());
        }
        var refused = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, entitlementId = haircut["id"]!.GetValue<long>() }), HttpStatusCode.Conflict);
        Assert.Equal("quota exhausted", refused["title"]!.GetValue<string>());
        Assert.Contains("8 of 8", refused["detail"]!.GetValue<string>());

        var mine = JsonNode.Parse(await worker.GetStringAsync("/api/members/me/entitlements"))!.AsArray();
        var myHaircut = mine.Single(e => e!["benefitId"]!.GetValue<string>() == "haircut")!;
        Assert.Equal((8, 0), (myHaircut["used"]!.GetValue<int>(), myHaircut["remaining"]!.GetValue<int>()));
        Assert.Equal(8, mine.Single(e => e!["benefitId"]!.GetValue<string>() == "gym")!["remaining"]!.GetValue<int>());
        await using var db = server.OpenDb();
        Assert.Equal(8, await db.Redemptions.CountAsync(r => r.Entitlement!.BenefitId == "haircut" && r.Entitlement.Member!.Account!.UserName == "worker"));
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_same_redemption_without_a_second_use()
    {
        var credential = await CredentialAsync("reviewer");
        var merchant = await Api.BearerClientAsync(server, "merchant");
        async Task<JsonObject> Redeem()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/redemptions") { Content = JsonContent.Create(new { credential, benefitId = "cinema" }) };
            request.Headers.Add("Idempotency-Key", "till-7-receipt-0042");
            var response = await merchant.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await Api.JsonAsync(response);
        }
        var first = await Redeem();
        var again = await Redeem();
        Assert.Equal(first["id"]!.GetValue<long>(), again["id"]!.GetValue<long>());
        Assert.Equal(7, again["entitlement"]!["remaining"]!.GetValue<int>());
    }

    [Fact]
    public async Task Forged_altered_and_foreign_credentials_are_refused_with_the_reason()
    {
        var credential = await CredentialAsync("worker");
        var merchant = await Api.CookieClientAsync(server, "merchant");
        var parts = credential.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["sub"] = "202600000008"; // someone else's number under the worker's signature
        var altered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signedInput = parts[0] + "." + parts[1];
        var foreignSignature = Base64Url.EncodeToString(otherKey.SignData(Encoding.ASCII.GetBytes(signedInput), HashAlgorithmName.SHA256));

        foreach (var (forged, reason) in new[]
                 {
                     (altered, "badSignature"), (signedInput + "." + foreignSignature, "badSignature"),
                     ("not-a-credential", "malformed"), (credential[..^3] + "AAA", "badSignature"),
                 })
        {
            var answer = await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/verify", new { credential = forged }));
            Assert.False(answer["valid"]!.GetValue<bool>(), forged);
            Assert.Equal(reason, answer["reason"]!.GetValue<string>());
            Assert.Null(answer["memberNumber"]);
            var redeem = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential = forged, benefitId = "gym" }), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("/credential", redeem["errors"]![0]!["path"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_expired_credential_is_refused_and_a_fresh_one_verifies_offline_with_the_public_key()
    {
        var credential = await CredentialAsync("worker");
        var key = CardSigningKey.From(new ConfigurationBuilder().Build(), server.Database.DataFolder, demo: true);
        var sixMinutesAgo = new MemberCredentials(key, new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-6)));
        var memberNumber = JsonNode.Parse(Base64Url.DecodeFromChars(credential.Split('.')[1]))!["sub"]!.GetValue<string>();
        var (stale, _) = sixMinutesAgo.Issue(memberNumber, 1);

        var merchant = await Api.CookieClientAsync(server, "merchant");
        var answer = await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/verify", new { credential = stale }));
        Assert.False(answer["valid"]!.GetValue<bool>());
        Assert.Equal("expired", answer["reason"]!.GetValue<string>());

        // Offline: anyone with the published key checks the signature without asking the server.
        var published = await Api.JsonAsync(await server.CreateClient().GetAsync("/api/members/public-key"));
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(published["publicKeyPem"]!.GetValue<string>());
        var parts = credential.Split('.');
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256));
        Assert.Equal("ES256", published["jwk"]!["alg"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_merchants_redeem_merchants_and_cadres_verify_and_cadres_see_names_in_their_subtree()
    {
        var credential = await CredentialAsync("worker");
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/verify", new { credential }), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "gym" }), HttpStatusCode.Forbidden);
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        await Api.ProblemAsync(await reviewer.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "gym" }), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await server.CreateClient().PostAsJsonAsync("/api/verify", new { credential }), HttpStatusCode.Unauthorized);

        // The reviewer of the worker's own union sees the full name; a district lawyer above it too.
        foreach (var cadre in new[] { "reviewer", "lawyer", "designer" })
        {
            var answer = await Api.JsonAsync(await (await Api.BearerClientAsync(server, cadre)).PostAsJsonAsync("/api/verify", new { credential }));
            Assert.Equal("刘洋", answer["displayName"]!.GetValue<string>());
        }
        var merchant = await Api.CookieClientAsync(server, "merchant");
        await Api.ProblemAsync(await merchant.GetAsync("/api/members/me/card"), HttpStatusCode.NotFound);
        Assert.Equal("not a member yet", (await Api.ProblemAsync(await merchant.GetAsync("/api/members/me/entitlements"), HttpStatusCode.NotFound))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_records_nothing()
    {
        var credential = await CredentialAsync("worker");
        var merchant = await Api.CookieClientAsync(server, "merchant");
        await using var before = server.OpenDb();
        var count = await before.Redemptions.CountAsync();

        var noBenefit = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential }), HttpStatusCode.BadRequest);
        Assert.Contains("/benefitId", Api.Text(noBenefit));
        var unknownField = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "gym", amount = 3 }), HttpStatusCode.BadRequest);
        Assert.Contains("amount", Api.Text(unknownField));
        var wrongType = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, entitlementId = "first" }), HttpStatusCode.BadRequest);
        Assert.Equal("/entitlementId", wrongType["pointer"]!.GetValue<string>());
        var noCredential = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/verify", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("credential", Api.Text(noCredential));
        var longNote = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "gym", note = new string('很', 501) }), HttpStatusCode.BadRequest);
        Assert.Contains("/note", Api.Text(longNote));
        var unknown = await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, entitlementId = 987654 }), HttpStatusCode.NotFound);
        Assert.Contains("987654", Api.Text(unknown));
        await Api.ProblemAsync(await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "skydiving" }), HttpStatusCode.NotFound);

        await using var after = server.OpenDb();
        Assert.Equal(count, await after.Redemptions.CountAsync());
    }

    private Task<HttpClient> MemberClientAsync(string userName) => Memberships.MemberClientAsync(server, userName);

    private Task<string> CredentialAsync(string userName) => Memberships.CredentialAsync(server, userName);

    private static bool MemberNumbersAreWellFormed(string number) => FormFlow.Persistence.Members.MemberNumbers.IsWellFormed(number);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteMemberApiTests(SqliteServer server) : MemberApiTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresMemberApiTests(PostgresServer server) : MemberApiTests(server), IClassFixture<PostgresServer>;
