using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Server.Accounts;
using FormFlow.Server.Activities;
using FormFlow.Server.Audit;
using FormFlow.Server.Auth;
using FormFlow.Server.Bootstrap;
using FormFlow.Server.Deliveries;
using FormFlow.Server.Demo;
using FormFlow.Server.Dispatch;
using FormFlow.Server.Shared;
using FormFlow.Server.Files;
using FormFlow.Server.Members;
using FormFlow.Server.Merchants;
using FormFlow.Server.Points;
using FormFlow.Server.Orgs;
using FormFlow.Server.WebUi;
using FormFlow.Server.Cases;
using FormFlow.Server.FormDrafts;
using FormFlow.Server.Modules;
using FormFlow.Server.Notifications;
using FormFlow.Server.Privacy;
using FormFlow.Server.Publications;
using FormFlow.Server.Training;
using FormFlow.Server.Reports;
using FormFlow.Server.Registration;
using FormFlow.Server.Services;
using FormFlow.Server.Responses;
using FormFlow.Server.Statistics;
using FormFlow.Server.Delegations;
using FormFlow.Server.Tasks;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace FormFlow.Server.Hosting;

/// <summary>Composes the web server: services, the middleware order, endpoints, then migrations and demo data.</summary>
internal static class ServerApp
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var noDemo = args.Contains(ServerSettings.NoDemoSwitch);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != ServerSettings.NoDemoSwitch).ToArray(),
            // appsettings.json sits beside the program; the working directory is only where ./data goes.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = ServerSettings.From(builder.Configuration, noDemo);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(ServerSettings.DefaultUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(settings.MaxRequestBodyBytes, settings.MaxUploadBytes));

        builder.Logging.ClearProviders().AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        // Cases hold personal values encrypted in the database, plain only in memory (Privacy/CaseSealing).
        services.AddFormFlowDatabase(settings.Database, _ => [CaseSealing.Instance]);
        // Cookie and personal-data keys survive a restart and are shared by every process (ServerSettings.KeysFolder).
        services.AddDataProtection().SetApplicationName("FormFlow").PersistKeysToFileSystem(new DirectoryInfo(settings.KeysFolder));
        services.AddPrivacy();
        services.AddFormFlowAuth(JwtSettings.From(builder.Configuration, settings.DataFolder, settings.Demo), OidcSettings.From(builder.Configuration));
        services.AddMembers(CardSigningKey.From(builder.Configuration, settings.DataFolder, settings.Demo));
        services.AddPoints();
        services.AddAccountAdministration();
        services.AddFormFlowRateLimits(builder.Configuration);
        services.AddTransportSecurity(builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Describe);
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<DatabaseUnavailableProblems>();
        services.AddExceptionHandler<ConcurrentWriteProblems>();
        // Binding failures throw, so BadRequestProblems can name the problem instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            // Missing or null required fields are refused by the deserializer, which names them.
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        services.AddHealthChecks().AddDbContextCheck<FormFlowDbContext>("database");
        services.AddFormFlowOpenApi();
        services.AddOrgs();
        services.AddSnapshots();
        services.AddServiceHall();
        services.AddCases();
        services.AddResponses();
        services.AddTasks();
        services.AddDelegations();
        services.AddNotifications();
        services.AddDeliveries(builder.Configuration, settings.Demo);
        services.AddRegistration();
        services.AddDispatch();
        services.AddUpgradeCascades();
        services.AddPublications();
        services.AddMerchants();
        services.AddAuditTrail();
        services.AddTraining();
        services.AddReports();
        services.AddSingleton<FigureCompactor>().AddHostedService(sp => sp.GetRequiredService<FigureCompactor>());
        services.AddWebUi(builder.Configuration);
        services.AddObservability(builder.Configuration);

        var app = builder.Build();
        app.UseTransportSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestSizeLimit(settings);
        app.UseJsonBodyCheck();
        app.UseWebUi();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapObservability();

        // Anonymous (see SECURITY.md): load balancers probe health; the API's shape is public, as in the repository.
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, o => o.WithTitle("FormFlow API").DisableDefaultFonts()).AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapOrgEndpoints();
        app.MapOrgAdminEndpoints();
        app.MapAccounts();
        app.MapFileEndpoints();
        app.MapServiceEndpoints();
        app.MapCaseEndpoints();
        app.MapResponseEndpoints();
        app.MapTaskEndpoints();
        app.MapDelegations();
        app.MapFormDraftEndpoints();
        app.MapNotificationEndpoints();
        app.MapDeliveryEndpoints();
        app.MapRegistrationEndpoints();
        app.MapMemberEndpoints();
        app.MapPointsEndpoints();
        app.MapModuleEndpoints();
        app.MapStatisticsEndpoints();
        app.MapRevealEndpoints();
        app.MapActivityEndpoints();
        app.MapPublicationEndpoints();
        app.MapMerchants();
        app.MapAudit();
        app.MapTraining();
        app.MapReports();
        app.MapWebUi();

        await PrepareDatabaseAsync(app, settings);
        return app;
    }

    /// <summary>
    /// Applies migrations; in demo mode seeds an empty database and prints the accounts once listening. Under the
    /// startup lock: processes starting together on one PostgreSQL database take turns.
    /// </summary>
    private static async Task PrepareDatabaseAsync(WebApplication app, ServerSettings settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        await using var startup = await FormFlowDatabase.StartupLockAsync(db);
        var log = app.Logger;
        var applied = await FormFlowDatabase.MigrateAsync(db);
        log.LogInformation("Database {Provider} ready; applied {Count} migrations", settings.Database.Provider, applied.Count);
        if (!settings.Demo)
        {
            var done = await FirstStart.RunAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), FirstStart.From(app.Configuration),
                ShippedTemplates.Folder(app.Configuration), app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (done == FirstStart.Unconfigured) log.LogWarning("{Problem}", done);
            else if (done is not null) log.LogInformation("First start: {Done}", done);
            return;
        }

        var password = DemoData.Password(app.Configuration);
        if (await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), password))
            log.LogInformation("Seeded the demo union hierarchy and accounts");
        await SeedDemoServicesAsync(app, db);
        await SeedDemoContentAsync(app, db);
        if (await DemoTraining.ProposeAsync(scope.ServiceProvider)) log.LogInformation("Proposed a demo question for the demo expert to review");
        if (await DemoContestants.SeedAsync(scope.ServiceProvider, password)) log.LogInformation("Seeded the demo contest's leaderboard");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.Out.WriteLine(DemoBanner.Text(urls, password));
        });
    }

    /// <summary>Publishes the demo feed; a process that loses the race to another one just goes on.</summary>
    private static async Task SeedDemoContentAsync(WebApplication app, FormFlowDbContext db)
    {
        try
        {
            var added = await DemoContent.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (added > 0) app.Logger.LogInformation("Published {Count} demo feed items", added);
            if (await DemoTraining.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime))
                app.Logger.LogInformation("Seeded the demo question bank");
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            app.Logger.LogInformation(ex, "The demo feed was published by another process meanwhile");
        }
    }

    /// <summary>Activates the shipped templates at the demo city; a process that loses the race to another one just goes on.</summary>
    private static async Task SeedDemoServicesAsync(WebApplication app, FormFlowDbContext db)
    {
        var folder = DemoServices.TemplatesFolder(app.Configuration);
        try
        {
            var activated = await DemoServices.SeedAsync(db, folder, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                app.Configuration.GetValue<bool>("FormFlow:DemoDrafts"));
            if (activated.Count > 0) app.Logger.LogInformation("Activated the demo services {Modules} from {Folder}", activated, folder);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            app.Logger.LogInformation(ex, "Demo services were activated by another process meanwhile");
        }
    }
}
