using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;

namespace TerritoryBot.Landing;

/// <summary><c>GET /</c>: what is loaded and how to talk to the bot.</summary>
internal static class LandingPage
{
    public static IEndpointRouteBuilder MapLandingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (TerritoryDbContext db, CancellationToken ct) =>
        {
            var counts = new LoadedCounts(
                Accounts: await db.Accounts.CountAsync(ct),
                Customers: await db.Accounts.CountAsync(a => a.IsCustomer, ct),
                Reps: await db.Reps.CountAsync(r => r.Role == RepRole.Rep, ct),
                People: await db.Reps.CountAsync(ct),
                Opportunities: await db.Opportunities.CountAsync(ct));
            return Results.Content(Render(counts), "text/html; charset=utf-8");
        });
        return app;
    }

    internal sealed record LoadedCounts(int Accounts, int Customers, int Reps, int People, int Opportunities)
    {
        public static LoadedCounts Of(DataSet data) => new(
            data.Accounts.Count, data.Accounts.Count(a => a.IsCustomer), data.Reps.Count(r => r.Role == RepRole.Rep), data.Reps.Count,
            data.Opportunities.Count);
    }

    /// <summary>The "what is loaded" paragraph, shared with the web chat page's header.</summary>
    internal static string LoadedHtml(LoadedCounts c)
    {
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        return c.Accounts == 0
            ? "<p>No data is loaded yet. Load a data folder with <code>territorybot import --data DIR</code>.</p>"
            : $"<p>Loaded: <strong>{N(c.Accounts)}</strong> accounts ({N(c.Customers)} customers), <strong>{N(c.Reps)}</strong> reps " +
              $"({N(c.People)} people with managers and ops), {N(c.Opportunities)} opportunities.</p>";
    }

    internal static string Render(LoadedCounts c)
    {
        var loaded = LoadedHtml(c);
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>TerritoryBot</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
            code{background:#f0f4f8;padding:.1rem .3rem;border-radius:3px}h1{margin-bottom:.2rem}</style></head>
            <body>
            <h1>TerritoryBot</h1>
            <p>Territory planning assistant: scored accounts, balanced territories, fairness checks, coverage gaps and plans.</p>
            {{loaded}}
            <h2>Talk to it</h2>
            <ul>
            <li>Command line: <code>dotnet run --project src/TerritoryBot -- score</code>, <code>design</code>, <code>fairness</code>,
            <code>gaps</code>, <code>whitespace --rep R001</code>, <code>plan --rep R001 --format html</code>, <code>fit</code>,
            <code>export --scenario NAME --out FILE</code> (add <code>--help</code> to any).</li>
            <li>Web chat: off in this configuration; set <code>WebChat__Enabled=true</code> and open this page from the same machine.</li>
            <li>Health: <a href="/healthz">/healthz</a>.</li>
            </ul>
            <p>{{WebUtility.HtmlEncode("Teams and Slack arrive with their own issues.")}}</p>
            </body></html>
            """;
    }
}
