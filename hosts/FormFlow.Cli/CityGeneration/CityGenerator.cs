using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Points;
using FormFlow.Persistence.Responses;
using FormFlow.Persistence.Services;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Demo;
using FormFlow.Server.Members;
using FormFlow.Engine.Training;
using FormFlow.Server.Modules;
using FormFlow.Server.Orgs;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Cli.CityGeneration;

/// <summary>
/// Fills an empty database with a city (see <see cref="CityPlan"/>): the org tree, the shipped module templates
/// imported and activated at the city as demo mode does it (<see cref="ShippedTemplates"/>,
/// <see cref="ServiceActivator"/>), the demo accounts at the city and at the first district and grassroots union,
/// a staff account per org unit, merchants per district, members with their accounts and entitlements, cases of
/// every case module walked through the real engine (<see cref="CaseWalk"/>) with their effects
/// (<see cref="CityEffects"/>), merchants' own redemptions, and survey and vote answers with their tallies. Rows are
/// written in large transactions, in the order and with the values a server would have written them, the IDs
/// numbered from one (the PostgreSQL sequences moved past them). Progress goes to <c>progress</c>, one line a phase
/// and one per tenth of the cases.
/// </summary>
internal sealed class CityGenerator(FormFlowDbContext db, DatabaseSettings settings, CityPlan plan, string templatesFolder, string password, TextWriter progress)
{
    /// <summary>Who the generated rows say did what the system does (activations, effects).</summary>
    public const string Actor = "formflow db generate";
    private const int Batch = 5_000;
    private const int CaseChunk = 4_000;

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Dictionary<string, long> _rows = [];
    private readonly Random _random = new(plan.Seed);
    private readonly CityNames _names = new(plan.Seed);

    public sealed record Result(int CityId, int DistrictId, int GrassrootsId, IReadOnlyDictionary<string, long> Rows, int StoppedCases, double Seconds);

    public async Task<Result> RunAsync(bool append, CancellationToken ct)
    {
        await FormFlowDatabase.MigrateAsync(db, ct);
        var existing = await db.OrgUnits.CountAsync(ct);
        if (existing > 0 && !append)
            throw new CliException($"the database already holds {existing} org unit(s): db generate fills an empty database " +
                                   "(a generated city beside real data would mix them); use a new --data-folder or database, or pass --append to add it anyway");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
        await using var cache = await SqliteBulkCache.WidenAsync(db, ct);

        var tree = await OrgTreeAsync(ct);
        Say($"org units: 1 city, {tree.Districts.Count} districts, {tree.Streets.Count} streets, {tree.Grassroots.Count} grassroots unions");
        var services = await ServicesAsync(tree.City, ct);
        Say($"services: {string.Join(", ", services.Select(s => s.Snapshot.ModuleKey))} activated at {tree.City.Name}");
        var people = await PeopleAsync(tree, services, ct);
        Say($"accounts: {people.Members.Count:N0} members, {people.Staff.Count:N0} staff, {people.Merchants.Count} merchants, {DemoData.People.Count} demo accounts");
        var effects = new CityEffects(people, Offers(services));
        var stopped = await CasesAsync(tree, services, people, effects, ct);
        UseAtMerchants(people, effects);
        await MembersAsync(people, effects, ct);
        await RedemptionsAsync(effects, ct);
        await AnswersAsync(services, people, ct);
        // The bulk paths (answers in raw SQL, rows streamed by BulkRows) bypass the figures kept on each save: count
        // them once from the rows, as `formflow stats recount --repair` does; into an empty table, streamed too.
        await FiguresAsync(append, ct);
        if (settings.Provider == DatabaseProvider.Postgres) await MoveSequencesAsync(ct);
        Say($"done in {_watch.Elapsed.TotalSeconds:F0} s");
        return new Result(tree.City.Id, tree.Districts[0].Id, tree.Grassroots[0].Id, _rows, stopped, _watch.Elapsed.TotalSeconds);
    }

    private void Say(string line) => progress.WriteLine($"[{_watch.Elapsed:mm\\:ss}] {line}");

    // ---------------------------------------------------------------- org tree

    internal sealed record Tree(OrgUnit City, List<OrgUnit> Districts, List<OrgUnit> Streets, List<OrgUnit> Grassroots);

    private async Task<Tree> OrgTreeAsync(CancellationToken ct)
    {
        var cityName = await db.OrgUnits.AnyAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct)
            ? $"生成城市总工会（种子{plan.Seed}）" : DemoData.Hierarchy.Name;
        var city = new OrgUnit { Name = cityName, Level = OrgLevel.City };
        var districts = Enumerable.Range(0, plan.Districts).Select(i => new OrgUnit { Name = _names.District(i), Level = OrgLevel.District }).ToList();
        // Streets and grassroots unions spread over their parents unevenly, as real ones are.
        var streets = Enumerable.Range(0, plan.Streets).Select(i => (Unit: new OrgUnit { Name = _names.Street(i), Level = OrgLevel.Street },
            Parent: i < districts.Count ? districts[i] : districts[Skewed(districts.Count)])).ToList();
        var grassroots = Enumerable.Range(0, plan.Orgs).Select(i => (Unit: new OrgUnit { Name = _names.Grassroots(i), Level = OrgLevel.Grassroots },
            Parent: i < streets.Count ? streets[i].Unit : streets[Skewed(streets.Count)].Unit)).ToList();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var all = new List<(OrgUnit, OrgUnit)>();
        db.OrgUnits.Add(city);
        await db.SaveChangesAsync(ct);
        city.Path = "/" + city.Id + "/";
        db.Entry(city).Property(o => o.Path).IsModified = true;
        all.AddRange(districts.Select(d => (d, city)));
        all.AddRange(streets);
        all.AddRange(grassroots);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await OrgUnits.AddManyAsync(db, all, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        AuditLog.Append(db, Actor, "seed.city", $"org:{city.Id}", city.Id, new JsonObject
        {
            ["members"] = plan.Members, ["orgs"] = plan.Orgs, ["years"] = plan.Years, ["seed"] = plan.Seed, ["until"] = plan.Until.ToString("yyyy-MM-dd"),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        Count("OrgUnits", 1 + all.Count);
        return new Tree(city, districts, streets.Select(s => s.Unit).ToList(), grassroots.Select(g => g.Unit).ToList());
    }

    /// <summary>An index below <paramref name="n"/>, the low ones more often (a few large districts and streets, many small).</summary>
    private int Skewed(int n) => (int)(n * Math.Pow(_random.NextDouble(), 1.6));

    // ---------------------------------------------------------------- services

    internal sealed record Service(ServiceActivation Activation, LoadedSnapshot Snapshot);

    /// <summary>The shipped templates in the city's library, each activated for the whole city when the history begins.</summary>
    private async Task<List<Service>> ServicesAsync(OrgUnit city, CancellationToken ct)
    {
        var at = plan.From.AddDays(-1);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var (templates, _) = await ShippedTemplates.ImportAsync(db, templatesFolder, city, at, ct);
        var services = new List<Service>();
        foreach (var template in templates.Values.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var activation = await ServiceActivator.Activate(db, template, ModuleLibrary.Latest(template)!, city, AuditLog.SystemActor, at, ct);
            var content = await db.ModuleSnapshots.AsNoTracking().Where(s => s.Hash == activation.SnapshotHash).Select(s => s.Content).SingleAsync(ct);
            services.Add(new Service(activation, new LoadedSnapshot(activation.SnapshotHash, JsonNode.Parse(content)!.AsObject())));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.Clear();
        if (services.Count == 0) throw new CliException($"--templates: no module template (a folder with module.json) in {templatesFolder}");
        return services;
    }

    private static IReadOnlyList<BenefitOffer> Offers(List<Service> services) =>
        services.FirstOrDefault(s => s.Snapshot.ModuleKey == BenefitCatalogue.ModuleKey) is { } benefits ? BenefitCatalogue.Offers(benefits.Snapshot.Module) : [];

    // ---------------------------------------------------------------- people

    /// <summary>A generated member: account, user name, org, when they joined and their number.</summary>
    internal sealed record MemberSeed(string AccountId, string UserName, string Name, int OrgUnitId, DateTime Since, string Number);

    internal sealed record People(
        List<MemberSeed> Members, Dictionary<(string Role, int Org), string> Handlers, List<(string AccountId, string UserName, int Org)> Staff,
        List<(Merchant Merchant, string AccountId)> Merchants, Dictionary<int, int?> Parents, string PasswordHash, Func<string, int, Account> NewAccount);

    private async Task<People> PeopleAsync(Tree tree, List<Service> services, CancellationToken ct)
    {
        var hasher = new PasswordHasher<Account>();
        var hash = hasher.HashPassword(new Account(), password);
        var parents = new Dictionary<int, int?> { [tree.City.Id] = null };
        foreach (var unit in tree.Districts.Concat(tree.Streets).Concat(tree.Grassroots)) parents[unit.Id] = unit.ParentId;
        var handlers = new Dictionary<(string, int), string>();
        var accounts = new List<Account>();
        var roles = new List<RoleAssignment>();

        Account NewAccount(string userName, int seq)
        {
            var account = new Account
            {
                Id = Guid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = _names.Person(),
                PasswordHash = hash, SecurityStamp = Base32(), ConcurrencyStamp = Guid(), LockoutEnabled = true,
            };
            return account;
        }

        // The demo accounts where the demo has them: its city, its 东城区 and its 华兴电子 are the generated city, first district and first grassroots union.
        var demoOrgs = new Dictionary<OrgLevel, OrgUnit> { [OrgLevel.City] = tree.City, [OrgLevel.District] = tree.Districts[0], [OrgLevel.Street] = tree.Streets[0], [OrgLevel.Grassroots] = tree.Grassroots[0] };
        var taken = await db.Users.Select(a => a.UserName!).ToListAsync(ct);
        foreach (var person in DemoData.People.Where(p => !taken.Contains(p.UserName)))
        {
            var account = NewAccount(person.UserName, 0);
            account.DisplayName = person.DisplayName;
            // Demo passwords are short on purpose (as in demo mode): hashed once, not through the strength rules.
            accounts.Add(account);
            var org = demoOrgs[LevelOf(DemoData.Hierarchy, person.OrgName) ?? OrgLevel.City];
            roles.Add(new RoleAssignment { AccountId = account.Id, Role = person.Role, OrgUnitId = org.Id });
            handlers.TryAdd((person.Role, org.Id), person.UserName);
        }

        // One staff account per unit, holding the roles its level's steps go to.
        var staff = new List<(string, string, int)>();
        foreach (var unit in new[] { tree.City }.Concat(tree.Districts).Concat(tree.Streets).Concat(tree.Grassroots))
        {
            var account = NewAccount($"staff-{unit.Id}", 0);
            accounts.Add(account);
            staff.Add((account.Id, account.UserName!, unit.Id));
            foreach (var role in StaffRoles(unit.Level))
            {
                roles.Add(new RoleAssignment { AccountId = account.Id, Role = role, OrgUnitId = unit.Id });
                handlers.TryAdd((role, unit.Id), account.UserName!);
            }
        }

        // Merchants: a few per district, each offering some of the city's benefits, with an account acting for it.
        var offers = Offers(services);
        var merchants = new List<(Merchant, string)>();
        var perDistrict = Math.Clamp(plan.Members / Math.Max(1, tree.Districts.Count) / 5_000, 2, 60);
        string[] trades = ["理发", "影城", "健身", "超市", "餐饮", "书店", "药房", "洗衣"];
        foreach (var (district, d) in tree.Districts.Select((x, i) => (x, i)))
            for (var m = 0; m < perDistrict; m++)
            {
                var trade = trades[_random.Next(trades.Length)];
                var code = $"CITY-{d + 1:D2}-{m + 1:D3}";
                var account = NewAccount(code.ToLowerInvariant(), 0);
                accounts.Add(account);
                roles.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Merchant, OrgUnitId = district.Id });
                handlers.TryAdd((Roles.Merchant, district.Id), account.UserName!);
                var offered = offers.Where(_ => _random.NextDouble() < 0.6).DefaultIfEmpty(offers.FirstOrDefault()).OfType<BenefitOffer>().ToList();
                var merchant = new Merchant
                {
                    Code = code, Name = _names.Merchant(trade), Category = trade, Address = $"{district.Name[..2]}区{_names.Street(1_000 + m)[..2]}路{_random.Next(1, 400)}号",
                    DistrictOrgUnitId = district.Id, Discount = "会员享九折", ContactName = _names.Person(), ContactPhone = _names.Mobile(),
                    ActiveFrom = plan.From, Benefits = offered.Select(o => new MerchantBenefit { BenefitId = o.BenefitId }).ToList(),
                    Accounts = [new MerchantAccount { AccountId = account.Id }],
                };
                merchants.Add((merchant, account.Id));
            }

        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            await SaveAsync(accounts, "AspNetUsers", ct);
            await SaveAsync(roles, "RoleAssignments", ct);
            await SaveAsync(merchants.Select(m => m.Item1).ToList(), "Merchants", ct);
            Count("MerchantBenefits", merchants.Sum(m => m.Item1.Benefits.Count));
            Count("MerchantAccounts", merchants.Count);
            await transaction.CommitAsync(ct);
        }

        // Members: accounts as sign-up leaves them (user name = mobile), a worker role at their grassroots union, all with
        // the one password hash; the member rows come after the cases, with their entitlements as the cases used them.
        var weights = tree.Grassroots.Select(_ => Math.Exp(_random.NextDouble() * 3)).ToArray();
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) cumulative[i] = weights[i] + (i == 0 ? 0 : cumulative[i - 1]);
        var members = new List<MemberSeed>(plan.Members);
        var mobileOffset = _random.Next(0, 1_000_000_000);
        var serialOffset = _random.Next(0, 10_000_000);
        var done = 0;
        while (done < plan.Members)
        {
            var count = Math.Min(50_000, plan.Members - done);
            accounts = new List<Account>(count);
            roles = new List<RoleAssignment>(count);
            for (var i = done; i < done + count; i++)
            {
                // Every union has a member; the rest fall to unions by their size.
                var org = i < tree.Grassroots.Count ? tree.Grassroots[i] : tree.Grassroots[Pick(cumulative)];
                var mobile = MemberMobile(i, mobileOffset);
                var account = NewAccount(mobile, i);
                account.PhoneNumber = mobile;
                account.PhoneNumberConfirmed = true;
                accounts.Add(account);
                roles.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Worker, OrgUnitId = org.Id });
                var since = plan.From.AddDays(-_random.Next(1, 3_650)).AddSeconds(_random.Next(86_400));
                var number = MemberNumbers.Of(since.AddHours(8).Year, (int)((i * 7_919L + serialOffset) % 10_000_000));
                members.Add(new MemberSeed(account.Id, mobile, account.DisplayName, org.Id, since, number));
            }
            await using (var transaction = await db.BeginWriteTransactionAsync(ct))
            {
                await BulkAsync(accounts, "AspNetUsers", ct);
                await BulkAsync(roles, "RoleAssignments", ct);
                await transaction.CommitAsync(ct);
            }
            done += count;
            Say($"member accounts {done:N0}/{plan.Members:N0}");
        }
        var mobiles = plan.Members;
        return new People(members, handlers, staff, merchants, parents, hash, (userName, _) =>
        {
            var account = NewAccount(userName, 0);
            return account;
        });
    }

    /// <summary>A unique 11-digit mobile number for member <paramref name="i"/> (a permutation of 10⁹ numbers behind 13).</summary>
    internal static string MemberMobile(long i, int offset) => "13" + ((i * 7_919L + offset) % 1_000_000_000).ToString("D9");

    private static IEnumerable<string> StaffRoles(OrgLevel level) => level switch
    {
        OrgLevel.Grassroots or OrgLevel.Street => [Roles.Admin, Roles.Reviewer],
        _ => [Roles.Admin, Roles.Reviewer, Roles.Lawyer, Roles.Expert, Roles.Analyst],
    };

    private static OrgLevel? LevelOf(DemoData.Unit unit, string name) =>
        unit.Name == name ? unit.Level : unit.Children.Select(c => LevelOf(c, name)).FirstOrDefault(l => l is not null);

    private int Pick(double[] cumulative)
    {
        var x = _random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private string Base32()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(32, _random, (span, random) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[random.Next(32)]; });
    }

    // ---------------------------------------------------------------- cases

    private sealed record CaseSeed(int Service, long Applicant, DateTime CreatedAt);

    private async Task<int> CasesAsync(Tree tree, List<Service> services, People people, CityEffects effects, CancellationToken ct)
    {
        var years = plan.Years;
        var span = (plan.Until - plan.From).TotalSeconds;
        var seeds = new List<CaseSeed>();
        var joinApplicants = 0L;
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
        {
            // Answers come later; a training or contest is taken on the 学习 tab, not submitted as a case.
            if (service.Snapshot.Policy.Responses || TrainingSettings.IsTraining(service.Snapshot.Module) || TrainingSettings.IsContest(service.Snapshot.Module)) continue;
            var key = service.Snapshot.ModuleKey;
            var n = key switch
            {
                "notice" => CityPlan.NoticesPerOrgYear * plan.Orgs * years,
                "directory" => CityPlan.DirectoryEntriesPerDistrictYear * tree.Districts.Count * years,
                _ => CityPlan.CasesPerMemberYear.GetValueOrDefault(key, 0.01) * plan.Members * years,
            };
            var count = (long)Math.Round(n * plan.CaseRate);
            for (long k = 0; k < count; k++)
            {
                // Join: an applicant of their own (a new account); notices: a grassroots union's staff; directory: a district's; the rest: a member.
                var applicant = key switch
                {
                    "join" => joinApplicants++,
                    "notice" => _random.Next(tree.Grassroots.Count),
                    "directory" => _random.Next(tree.Districts.Count),
                    _ => _random.NextInt64(people.Members.Count),
                };
                seeds.Add(new CaseSeed(index, applicant, plan.From.AddSeconds(_random.NextDouble() * span)));
            }
        }
        seeds.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        Say($"cases to walk: {seeds.Count:N0} ({string.Join(", ", seeds.GroupBy(s => s.Service).OrderBy(g => g.Key).Select(g => $"{services[g.Key].Snapshot.ModuleKey} {g.Count():N0}"))})");

        // Join applicants: accounts that signed up to apply, with the worker role at the union they chose.
        var joinService = services.FindIndex(s => s.Snapshot.ModuleKey == "join");
        var applicants = new Dictionary<long, Applicant>();
        if (joinApplicants > 0)
        {
            var offset = _random.Next(0, 1_000_000_000);
            var accounts = new List<Account>();
            var roles = new List<RoleAssignment>();
            for (long j = 0; j < joinApplicants; j++)
            {
                var mobile = MemberMobile(plan.Members + j, offset);
                var account = people.NewAccount(mobile, 0);
                account.PhoneNumber = mobile;
                account.PhoneNumberConfirmed = true;
                var org = tree.Grassroots[_random.Next(tree.Grassroots.Count)].Id;
                accounts.Add(account);
                roles.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Worker, OrgUnitId = org });
                applicants[j] = CityEffects.NoMember(account.Id, mobile, org);
            }
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            await BulkAsync(accounts, "AspNetUsers", ct);
            await BulkAsync(roles, "RoleAssignments", ct);
            await transaction.CommitAsync(ct);
        }

        var orgs = OrgDirectoryOf(tree);
        await orgs.EnsureAsync(db, tree.City.Id, ct);
        string HandlerAt(string role, int org)
        {
            for (int? unit = org; unit is { } u; unit = people.Parents.GetValueOrDefault(u))
                if (people.Handlers.TryGetValue((role, u), out var user)) return user;
            return people.Staff[0].UserName;
        }

        Applicant ApplicantOf(CaseSeed seed) => services[seed.Service].Snapshot.ModuleKey switch
        {
            "join" => applicants[seed.Applicant],
            "notice" => StaffApplicant(people, tree.Grassroots[(int)seed.Applicant].Id),
            "directory" => StaffApplicant(people, tree.Districts[(int)seed.Applicant].Id),
            _ => effects.Applicant((int)seed.Applicant),
        };

        // Two walkers, each with its own engine and clock; a member's cases all go to the same one, in order, so the
        // entitlements a case sees are those the member's earlier cases left.
        const int lanes = 2;
        var walkers = Enumerable.Range(0, lanes)
            .Select(_ => services.Select(s => new CaseWalk(s.Snapshot, s.Activation, orgs, HandlerAt, plan.Until)).ToArray()).ToArray();
        var firstId = (await db.Cases.MaxAsync(c => (long?)c.Id, ct) ?? 0) + 1;
        // Walk one chunk of cases on the lanes, in the background while the chunk before it is written: the lanes keep
        // both cores busy during the walk, and the single writer would otherwise leave one idle.
        Task<List<(WalkedCase Case, CityEffects.Rows Effects)>> WalkAsync(int start)
        {
            var chunk = seeds.Skip(start).Take(CaseChunk).Select((s, i) => (Seed: s, Id: firstId + start + i)).ToList();
            return Task.Run(async () =>
            {
                var lanesDone = await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() =>
                {
                    var walked = new List<(WalkedCase Case, CityEffects.Rows Effects)>();
                    foreach (var (seed, id) in chunk.Where(c => Lane(c.Seed) == lane))
                    {
                        var applicant = ApplicantOf(seed);
                        var walkedCase = walkers[lane][seed.Service].Walk(id, applicant, seed.CreatedAt, new Random(unchecked(plan.Seed * 1_000_003 + (int)id)));
                        walked.Add((walkedCase, effects.Apply(walkedCase, applicant, seed.Service == joinService)));
                    }
                    return walked;
                }, ct)));
                return lanesDone.SelectMany(l => l).OrderBy(w => w.Case.Row.Id).ToList();
            }, ct);
        }

        var lastReport = 0;
        var next = seeds.Count > 0 ? WalkAsync(0) : null;
        for (var start = 0; next is not null; start += CaseChunk)
        {
            var cases = await next;
            next = start + CaseChunk < seeds.Count ? WalkAsync(start + CaseChunk) : null;
            await using (var transaction = await db.BeginWriteTransactionAsync(ct))
            {
                // What the save would do to a case before writing it (the figures themselves come from the recount at the end).
                foreach (var c in cases) FigureRules.StampClosing(c.Case.Row);
                await BulkAsync(cases.Select(c => c.Case.Row).ToList(), "Cases", ct);
                await BulkAsync(cases.SelectMany(c => c.Case.Tasks).ToList(), "CaseTasks", ct);
                await BulkAsync(cases.SelectMany(c => c.Case.Timers).ToList(), "CaseTimers", ct);
                await BulkAsync(cases.SelectMany(c => c.Case.Outbox).ToList(), "Outbox", ct);
                await BulkAsync(cases.SelectMany(c => c.Effects.Points).ToList(), "PointsEntries", ct);
                await transaction.CommitAsync(ct);
            }
            var done = Math.Min(seeds.Count, start + CaseChunk);
            if (done * 10L / seeds.Count > lastReport || done == seeds.Count)
            {
                lastReport = (int)(done * 10L / seeds.Count);
                Say($"cases {done:N0}/{seeds.Count:N0}");
            }
        }
        return walkers.SelectMany(w => w).Sum(w => w.Stopped);

        int Lane(CaseSeed seed) => (int)((services[seed.Service].Snapshot.ModuleKey is "join" or "notice" or "directory" ? seed.Applicant * 31 + seed.Service : seed.Applicant) % lanes);
    }

    private static Applicant StaffApplicant(People people, int org)
    {
        var staff = people.Staff.First(s => s.Org == org);
        return CityEffects.NoMember(staff.AccountId, staff.UserName, org);
    }

    /// <summary>The server's org directory over this database (the tree is loaded once; nothing else is looked up).</summary>
    private OrgDirectory OrgDirectoryOf(Tree tree)
    {
        var services = new ServiceCollection().AddScoped(_ => FormFlowDatabase.CreateContext(settings)).BuildServiceProvider();
        return new OrgDirectory(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
    }

    // ---------------------------------------------------------------- members, redemptions, answers

    /// <summary>The member rows and their entitlements (as the cases left the counters), then the members who joined through a join case.</summary>
    private async Task MembersAsync(People people, CityEffects effects, CancellationToken ct)
    {
        var firstMember = (await db.Members.MaxAsync(m => (long?)m.Id, ct) ?? 0) + 1;
        var firstEntitlement = (await db.Entitlements.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        effects.Number(firstMember, firstEntitlement);
        for (var start = 0; start < effects.MemberCount; start += 50_000)
        {
            var members = effects.Members(start, Math.Min(50_000, effects.MemberCount - start)).ToList();
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            await BulkAsync(members, "Members", ct);
            await BulkAsync(members.SelectMany(m => m.Entitlements).ToList(), "Entitlements", ct);
            await transaction.CommitAsync(ct);
            Say($"members {Math.Min(effects.MemberCount, start + 50_000):N0}/{effects.MemberCount:N0}");
        }
    }

    /// <summary>Members' uses at merchants of their district (the merchant's own verify-and-redeem), in time order, within their quotas.</summary>
    private void UseAtMerchants(People people, CityEffects effects)
    {
        var direct = (long)Math.Round(CityPlan.RedemptionsPerMemberYear * plan.Members * plan.Years * plan.CaseRate);
        var span = (plan.Until - plan.From).TotalSeconds;
        var merchantsByDistrict = people.Merchants.GroupBy(m => m.Merchant.DistrictOrgUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var times = new List<DateTime>((int)direct);
        for (long i = 0; i < direct; i++) times.Add(plan.From.AddSeconds(_random.NextDouble() * span));
        times.Sort();
        foreach (var at in times)
        {
            var member = _random.Next(people.Members.Count);
            if (!merchantsByDistrict.TryGetValue(DistrictOf(people, people.Members[member].OrgUnitId), out var here)) continue;
            var (merchant, accountId) = here[_random.Next(here.Count)];
            if (merchant.Benefits.Count == 0) continue;
            var benefit = merchant.Benefits[_random.Next(merchant.Benefits.Count)].BenefitId;
            effects.Use(member, benefit, at, $"merchant:{accountId}:{Guid()}", accountId);
        }
    }

    /// <summary>The redemptions: those the benefit cases recorded and the uses at merchants.</summary>
    private async Task RedemptionsAsync(CityEffects effects, CancellationToken ct)
    {
        var redemptions = effects.Redemptions();
        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            await BulkAsync(redemptions, "Redemptions", ct);
            await transaction.CommitAsync(ct);
        }
        Say($"redemptions: {redemptions.Count:N0}");
    }

    private static int DistrictOf(People people, int org)
    {
        var unit = org;
        while (people.Parents.GetValueOrDefault(unit) is { } parent && people.Parents.GetValueOrDefault(parent) is not null) unit = parent;
        return unit;
    }

    /// <summary>Survey and vote answers (once per member each): a participation, a response or a ballot, and the tallies per answer, as the answer path leaves them.</summary>
    private async Task AnswersAsync(List<Service> services, People people, CancellationToken ct)
    {
        foreach (var service in services.Where(s => s.Snapshot.Policy.Responses))
        {
            var count = (int)Math.Min(people.Members.Count, Math.Round(CityPlan.AnswersPerMemberYear * plan.Members * plan.Years * plan.CaseRate / 2));
            var snapshot = service.Snapshot;
            var form = snapshot.StartForm;
            var secret = snapshot.Policy.Anonymity == Engine.Responses.ResponseAnonymity.SecretBallot;
            if (secret)
            {
                await using var transaction = await db.BeginWriteTransactionAsync(ct);
                await db.EnsurePilesAsync(service.Activation.Id, snapshot.Piles.Order(StringComparer.Ordinal).ToList(), ct);
                await transaction.CommitAsync(ct);
            }
            var span = (plan.Until - plan.From).TotalSeconds;
            var chosen = new HashSet<int>();
            var rows = new List<ResponseGenerator.StoredAnswer>(count);
            while (rows.Count < count)
            {
                var m = _random.Next(people.Members.Count);
                if (!chosen.Add(m)) continue;
                var result = form.Runtime.Process(ResponseGenerator.Answer(form.Definition, _random), new Engine.Forms.Runtime.FormProcessOptions { Mode = Engine.Forms.Runtime.FormMode.Submit });
                if (!result.Valid) throw new InvalidOperationException($"a generated answer to {snapshot.ModuleKey} fails its form: {result.Errors[0].Path}: {result.Errors[0].Message}");
                var at = new DateTimeOffset(plan.From.AddSeconds(_random.NextDouble() * span), TimeSpan.Zero);
                var pile = secret ? Engine.Responses.BallotPiles.KeyOf(form.Definition, result.Data) : null;
                rows.Add(new ResponseGenerator.StoredAnswer(people.Members[m].AccountId, people.Members[m].OrgUnitId, result.Data, at.UtcDateTime,
                    snapshot.Policy.PeriodKey(at) ?? "#" + Guid().Replace("-", "")[..14].ToUpperInvariant(), pile));
            }
            rows.Sort((a, b) => a.At.CompareTo(b.At));
            var tallies = 0;
            foreach (var chunk in rows.Chunk(20_000))
                tallies += await ResponseGenerator.WriteAnswersAsync(db, service.Activation, form.Definition, chunk, ct);
            Count("Participations", rows.Count);
            Count(secret ? "BallotPiles (ballots)" : "Responses", rows.Count);
            Count("ResponseTallies (additions)", tallies);
            Say($"answers to {snapshot.ModuleKey}: {rows.Count:N0}");
        }
    }

    // ---------------------------------------------------------------- writing

    private async Task FiguresAsync(bool append, CancellationToken ct)
    {
        if (append && await db.Figures.AnyAsync(ct))
        {
            var recount = await FigureRecount.RecountAsync(db, repair: true, new Progress<string>(Say), ct);
            Say($"figures: {recount.ExpectedRows:N0} rows recounted, {recount.DifferenceCount:N0} repaired");
            return;
        }
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var written = await FigureRecount.FillEmptyAsync(db, new Progress<string>(Say), ct);
        Count("Figures", written);
        // Written in read order: the months before the last generated day's are as the server's compaction leaves them.
        await FigureCompaction.RecordWrittenInOrderAsync(db, FigurePeriods.LocalDay(plan.Until), TimeProvider.System, ct);
        Say($"figures: {written:N0} rows counted from the raw rows");
        await transaction.CommitAsync(ct);
    }

    private async Task SaveAsync<T>(List<T> rows, string table, CancellationToken ct) where T : class
    {
        foreach (var batch in rows.Chunk(Batch))
        {
            db.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        Count(table, rows.Count);
    }

    /// <summary>Many new rows of one table, as <see cref="SaveAsync{T}"/> would write them but streamed (<see cref="BulkRows"/>); related rows are not followed.</summary>
    private async Task BulkAsync<T>(List<T> rows, string table, CancellationToken ct) where T : class
    {
        await BulkRows.WriteAsync(db, rows, ct);
        Count(table, rows.Count);
    }

    private void Count(string table, long n) => _rows[table] = _rows.GetValueOrDefault(table) + n;

    /// <summary>PostgreSQL: the sequences of the tables written with their own IDs start after them.</summary>
    private async Task MoveSequencesAsync(CancellationToken ct)
    {
        foreach (var table in new[] { "Cases", "Members", "Entitlements" })
        {
            // The table names are the constants above, not input.
            var sql = """SELECT setval(pg_get_serial_sequence('"§"', 'Id'), GREATEST(1, (SELECT COALESCE(MAX("Id"), 0) FROM "§")))""".Replace("§", table, StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
