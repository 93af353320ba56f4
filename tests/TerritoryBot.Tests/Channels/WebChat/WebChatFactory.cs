using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Data;

namespace TerritoryBot.Tests.Channels.WebChat;

/// <summary>
/// The real app (Program → serve → WebHost) in a TestServer over a temp SQLite file seeded with a small demo
/// (R001–R004 reps, R005 manager, R006 ops). Requests with an <see cref="RemoteIpHeader"/> header arrive from that
/// address, so the loopback-only rule can be tested without binding to a non-loopback interface.
/// </summary>
internal sealed class WebChatFactory(string environment = "Development", params (string Key, string Value)[] settings)
    : WebApplicationFactory<Program>
{
    public const string RemoteIpHeader = "X-Test-Remote-Ip";
    public const int Accounts = 120;

    private readonly string _dir = Directory.CreateTempSubdirectory("tb-webchat-").FullName;

    public DataSet Data { get; } = ConversationHarness.Demo(accounts: Accounts, reps: 4, seed: 11);

    private string DbFile => Path.Combine(_dir, "chat.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        using (var db = TestDatabases.SqliteAt(DbFile))
        {
            db.MigrateAsync().GetAwaiter().GetResult();
            db.ImportDataSetAsync(Data).GetAwaiter().GetResult();
        }

        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Territory", $"Data Source={DbFile};Pooling=False");
        builder.UseSetting("Demo:SeedWhenEmpty", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFromHeader()));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteIpHeader, out var value))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
