using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Channels.Teams;
using TerritoryBot.Channels.WebChat;
using TerritoryBot.Conversation;
using TerritoryBot.Data;
using TerritoryBot.Demo;
using TerritoryBot.Landing;
using TerritoryBot.Llm;
using TerritoryBot.Workflow;

namespace TerritoryBot;

/// <summary>The web host; Program.cs-style table of contents for the server side.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (builder.Environment.IsDevelopment())
        {
            // appsettings.Development.json lives at the repository root (the product layout asks for it there).
            var repoRoot = FindRepositoryRoot();
            if (repoRoot is not null)
            {
                // Inserted after the other JSON files, so environment variables and the command line still override it.
                var sources = builder.Configuration.Sources;
                int afterJson = sources.Select((source, index) => source is JsonConfigurationSource ? index + 1 : 0).DefaultIfEmpty(0).Max();
                var file = new JsonConfigurationSource { Path = "appsettings.Development.json", Optional = true, ReloadOnChange = false };
                file.FileProvider = new PhysicalFileProvider(repoRoot);
                sources.Insert(afterJson, file);
            }
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls("http://localhost:3978");
        }

        builder.AddTerritoryData();
        builder.AddDemoSeeding();
        builder.Services.AddConversation();
        builder.AddSlack();
        builder.AddTeams();
        builder.AddWebChat();
        builder.AddLlm();
        builder.AddWorkflow();

        var app = builder.Build();
        // Built now so that two handlers for one intent stop the start-up instead of the first turn.
        _ = app.Services.GetRequiredService<IntentRegistry>();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapLandingPage();
        app.MapSlack();
        app.MapTeams();
        app.MapWebChat();
        return app;
    }

    internal static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TerritoryBot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
