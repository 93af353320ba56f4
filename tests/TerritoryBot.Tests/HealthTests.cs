using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Data;
using TerritoryBot.Demo;

namespace TerritoryBot.Tests;

/// <summary>The first run of the web host: empty database → demo universe loaded; health and landing page answer.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tb-first-run-").FullName;

    private WebApplication Build(params string[] extra) => WebHost.Build(
        ["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Territory=Data Source={Path.Combine(_dir, "t.db")};Pooling=False", .. extra]);

    [Fact]
    public async Task Healthz_Running_ReturnsOk()
    {
        await using var app = Build("--Demo:SeedWhenEmpty=false");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_EmptyDatabase_LoadsDemoUniverseOnceAndLandingPageSaysSo()
    {
        await using (var app = Build())
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var page = await client.GetStringAsync("/");
            Assert.Contains("4,200</strong> accounts", page);
            Assert.Contains("8</strong> reps", page);
            await app.StopAsync();
        }

        // A second start finds data and does not seed again (counts unchanged, nothing duplicated).
        await using (var again = Build())
        {
            await again.StartAsync();
            await using var scope = again.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
            Assert.Equal(DemoSeeding.DemoAccounts, db.Accounts.Count());
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Landing_EmptyDatabaseWithoutSeeding_TellsHowToImport()
    {
        await using var app = Build("--Demo:SeedWhenEmpty=false");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.Contains("territorybot import --data DIR", await client.GetStringAsync("/"));
        await app.StopAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
