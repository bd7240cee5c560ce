using FormFlow.Server.Hosting;

// `dotnet run --project hosts/FormFlow.Server` starts the demo on SQLite; `-- --no-demo` starts without demo data.
var app = await ServerApp.BuildAsync(args);
await app.RunAsync();
