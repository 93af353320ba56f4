using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Data;

namespace TerritoryBot.Tests.Data;

public sealed class WebHostDataTests
{
    [Fact]
    public async Task Start_NewSqlitePath_CreatesDirectoryAndMigrates()
    {
        var dir = Directory.CreateTempSubdirectory("tb-host-").FullName;
        var file = Path.Combine(dir, "data", "territorybot.db");
        await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Territory=Data Source={file};Pooling=False", "--Demo:SeedWhenEmpty=false"]);

        await app.StartAsync();
        try
        {
            Assert.True(File.Exists(file));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
            Assert.False(await db.HasDataAsync());
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Build_UnknownProvider_FailsOnStart()
    {
        var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--Database:Provider=Oracle"]);
        var error = Assert.ThrowsAny<Exception>(() => app.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("Database:Provider must be Sqlite or Postgres", error.Message);
    }

    [Fact]
    public void Create_PostgresProvider_UsesNpgsql()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Territory"] = "Host=127.0.0.1;Database=x;Username=y",
                ["Database:Provider"] = "Postgres",
            })
            .Build();

        using var db = TerritoryDatabase.Create(configuration);

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }
}
