using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TerritoryBot.Tests.Channels.Teams;
using TerritoryBot.Tests.Cli;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `chat-load [concurrency] [waves] [fresh%] [webchat|teams]`: the load tool behind issue 7's latency target. Starts
/// the real app as a separate process (`territorybot serve` on a free loopback port, a fresh SQLite file seeded with
/// the 4,200 × 8 demo), warms it up with every utterance once per identity, then fires waves of
/// <c>concurrency</c> chat turns at once (the deterministic path; three unmeasured waves first) and prints, per
/// wave, the latency percentiles and errors, then the medians over the waves, the percentiles over every turn and
/// the CPU time per turn of the app and of the generator. <c>fresh%</c> of each wave's turns (default 10) are questions never
/// asked before (sales ops looking up an account not looked up yet), so not every answer is one the app
/// already keeps.
/// <list type="bullet">
/// <item><c>webchat</c> (default): POST /api/webchat/turns; a turn is done when its answer is back.</item>
/// <item><c>teams</c>: the Bot Framework played by a loopback stand-in (OpenID metadata, RSA-signed channel
/// tokens the app validates, a connector): message activities on POST /api/messages, answered through the
/// connector before the app returns 200 (so the turn includes that call), and the fresh lookups as
/// <c>adaptiveCard/action</c> invokes answered synchronously with the card.</item>
/// </list>
/// </summary>
public sealed class ChatLoadSweep : ISweep
{
    public string Name => "chat-load";

    private const int DemoAccounts = 4_200;

    /// <summary>Waves sent before the measured ones.</summary>
    private const int WarmWaves = 3;

    private static readonly string[] RepUtterances =
    [
        "show my territory", "my top 10 accounts", "whitespace I should prospect", "what can you do?",
        "build my business plan", "score summary", "tier review", "transition package", "list proposals",
    ];

    private static readonly string[] TeamUtterances =
    [
        "show my territory", "fairness check before I announce", "compare scenarios", "who fits the fintech accounts best",
        "where are our coverage gaps", "list proposals", "score summary",
    ];

    public async Task<int> RunAsync(string[] args)
    {
        int concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        int waves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        int freshPercent = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        bool teams = args.Length > 3 && args[3] == "teams";
        var root = Path.Combine(Path.GetTempPath(), "territorybot-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await using var standIn = teams ? await BotFrameworkStandIn.StartAsync() : null;
        if (standIn is not null)
        {
            standIn.RecordCalls = false;
        }

        var app = await ServerProcess.StartAsync(AppEnvironment(root, standIn));
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
            {
                BaseAddress = new Uri(app.Url),
                Timeout = TimeSpan.FromSeconds(60),
            };
            var identities = (await http.GetFromJsonAsync<JsonArray>("/api/webchat/identities"))!
                .Select(n => (Id: (string)n!["id"]!, Role: (string)n["role"]!)).ToList();
            ITurnClient client = standIn is null ? new WebChatClient(http) : new TeamsClient(http, standIn, AadObjectIds(root));
            var turns = identities.SelectMany(i => (i.Role == "rep" ? RepUtterances : TeamUtterances).Select(t => (i.Id, Text: t))).ToList();
            var lookers = identities.Where(i => i.Role == "ops").Select(i => i.Id).ToList();
            int lookups = 0;
            Task<(bool Ok, double Ms)> Fresh()
            {
                // Every account once (a stride coprime with the demo's 4,200 accounts), by sales ops (who may see them all).
                int n = Interlocked.Increment(ref lookups);
                return client.LookUpAsync(lookers[n % lookers.Count], $"A{((n * 1_009) % DemoAccounts) + 1:D6}");
            }

            // Warm-up: every turn once, one at a time (fills the workspace caches: scores, fit, design, fairness).
            var warm = Stopwatch.StartNew();
            foreach (var (id, text) in turns)
            {
                await client.AskAsync(id, text);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(teams ? "Teams activities" : "web chat")}; warm-up: {turns.Count} distinct turns in {warm.Elapsed.TotalSeconds:F1} s ({identities.Count} identities)"));

            // One at a time, warm: the cost of each kind of turn on its own (median of 5), slowest first.
            var alone = new List<(double Ms, string Who, string Text)>();
            foreach (var (id, text) in turns)
            {
                var runs = new List<double>();
                for (int i = 0; i < 5; i++)
                {
                    runs.Add((await client.AskAsync(id, text)).Ms);
                }

                runs.Sort();
                alone.Add((runs[2], id, text));
            }

            Console.WriteLine();
            Console.WriteLine("| slowest warm turns, one at a time | who | median (ms) |");
            Console.WriteLine("|---|---|---:|");
            foreach (var (ms, who, text) in alone.OrderByDescending(a => a.Ms).Take(8))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {text} | {who} | {ms:F1} |"));
            }

            var all = alone.Select(a => a.Ms).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all {all.Length} kinds: median {Percentile(all, 0.5):F1} ms, mean {all.Average():F1} ms"));
            Console.WriteLine();
            int freshEvery = freshPercent > 0 ? Math.Max(1, 100 / freshPercent) : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"waves of {concurrency} turns at once; every {freshEvery}th is an account lookup never asked before (0 = none)"));
            Console.WriteLine($"| wave | turns at once | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors | wall (ms) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            var p50s = new List<double>();
            var p99s = new List<double>();
            var everyTurn = new List<double>();
            int totalErrors = 0;
            var appCpu = app.ProcessorTime;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
            // The first waves (marked w, not counted in the figures; their errors are) run while the JIT still
            // recompiles the hot paths: a server that has been up for a while is past that.
            for (int w = 1 - WarmWaves; w <= waves; w++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var tasks = Enumerable.Range(0, concurrency).Select(async i =>
                {
                    await start.Task;
                    if (freshEvery > 0 && i % freshEvery == freshEvery - 1)
                    {
                        return await Fresh();
                    }

                    var (id, text) = turns[(i + ((w + WarmWaves) * 7)) % turns.Count];
                    return await client.AskAsync(id, text);
                }).ToList();
                var wall = Stopwatch.StartNew();
                start.SetResult();
                var results = await Task.WhenAll(tasks);
                wall.Stop();
                var latencies = results.Select(r => r.Ms).Order().ToArray();
                int errors = results.Count(r => !r.Ok);
                totalErrors += errors;
                if (w < 1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| w | {concurrency} | {Percentile(latencies, 0.5):F1} | {Percentile(latencies, 0.95):F1} | {Percentile(latencies, 0.99):F1} | {latencies[^1]:F1} | {errors} | {wall.Elapsed.TotalMilliseconds:F0} |"));
                    if (w == 0)
                    {
                        appCpu = app.ProcessorTime;
                        ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
                    }

                    continue;
                }

                everyTurn.AddRange(latencies);
                p50s.Add(Percentile(latencies, 0.50));
                p99s.Add(Percentile(latencies, 0.99));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {w} | {concurrency} | {Percentile(latencies, 0.5):F1} | {Percentile(latencies, 0.95):F1} | {Percentile(latencies, 0.99):F1} | {latencies[^1]:F1} | {errors} | {wall.Elapsed.TotalMilliseconds:F0} |"));
            }

            double perTurn = waves * (double)concurrency;
            double appMs = (app.ProcessorTime - appCpu).TotalMilliseconds / perTurn;
            double ownMs = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMilliseconds / perTurn;
            p50s.Sort();
            p99s.Sort();
            Console.WriteLine();
            // CPU time is steadier than latency on a shared machine: it says what a turn costs, not how long it waited.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per turn during the waves: app {appMs:F2} ms, load generator{(teams ? " and Bot Framework stand-in" : "")} {ownMs:F2} ms; app working set {app.WorkingSet / 1e6:F0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median over {waves} waves: p50 {p50s[p50s.Count / 2]:F1} ms, p99 {p99s[p99s.Count / 2]:F1} ms, worst wave p99 {p99s[^1]:F1} ms; errors {totalErrors}"));
            var turnsMs = everyTurn.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all {turnsMs.Length} turns: p50 {Percentile(turnsMs, 0.5):F1} ms, p99 {Percentile(turnsMs, 0.99):F1} ms, max {turnsMs[^1]:F1} ms; waves with p99 under 250 ms: {p99s.Count(p => p < 250)} of {waves}"));
            return totalErrors == 0 ? 0 : 1;
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>How the generator speaks to the app: a question in words, and an account lookup.</summary>
    private interface ITurnClient
    {
        Task<(bool Ok, double Ms)> AskAsync(string repId, string text);

        Task<(bool Ok, double Ms)> LookUpAsync(string repId, string accountId);
    }

    private sealed class WebChatClient(HttpClient http) : ITurnClient
    {
        public Task<(bool Ok, double Ms)> AskAsync(string repId, string text) =>
            // Sent with a Content-Length, as the chat page's fetch does (PostAsJsonAsync would stream it chunked).
            TimeAsync(http, "/api/webchat/turns", JsonSerializer.Serialize(new { userId = repId, text }), null,
                // The generator shares the machine with the app: it checks the reply cheaply instead of parsing it.
                body => body.StartsWith("{\"intent\":\""u8) && body.IndexOf("something went wrong"u8) < 0);

        public Task<(bool Ok, double Ms)> LookUpAsync(string repId, string accountId) => AskAsync(repId, "tell me about " + accountId);
    }

    /// <summary>
    /// Activities as Teams sends them, with one channel token (the Bot Framework reuses a token for its hour): the
    /// app validates its signature, issuer, audience and serviceurl on every request.
    /// </summary>
    private sealed class TeamsClient(HttpClient http, BotFrameworkStandIn standIn, IReadOnlyDictionary<string, string> aadIds) : ITurnClient
    {
        private readonly string token = standIn.ChannelToken(expires: DateTime.UtcNow.AddHours(1));
        private int ids;

        public Task<(bool Ok, double Ms)> AskAsync(string repId, string text)
        {
            var activity = Activity(repId, "message");
            activity["text"] = text;
            // 200 only once the answer went through the connector (a failed delivery is a 502).
            return TimeAsync(http, "/api/messages", activity.ToJsonString(), token, body => body.IsEmpty);
        }

        public Task<(bool Ok, double Ms)> LookUpAsync(string repId, string accountId)
        {
            var activity = Activity(repId, "invoke");
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "account.show", ["data"] = new JsonObject { ["accountId"] = accountId } },
                ["trigger"] = "manual",
            };
            return TimeAsync(http, "/api/messages", activity.ToJsonString(), token,
                body => body.IndexOf("\"type\":\"application/vnd.microsoft.card.adaptive\""u8) >= 0);
        }

        private JsonObject Activity(string repId, string type) => new()
        {
            ["type"] = type,
            ["id"] = "load-" + Interlocked.Increment(ref ids).ToString(CultureInfo.InvariantCulture),
            ["serviceUrl"] = standIn.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + repId, ["aadObjectId"] = aadIds[repId] },
            ["conversation"] = new JsonObject { ["id"] = "a:load-" + repId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkStandIn.AppId, ["name"] = "TerritoryBot" },
            ["locale"] = "en-US",
        };
    }

    /// <summary>Checks a reply's UTF-8 bytes (decoding a 28 KB card per turn would be the generator's CPU, not the app's).</summary>
    private delegate bool LooksRight(ReadOnlySpan<byte> body);

    private static async Task<(bool Ok, double Ms)> TimeAsync(HttpClient http, string path, string json, string? token, LooksRight looksRight)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            var ok = response.StatusCode == HttpStatusCode.OK && looksRight(body);
            if (!ok)
            {
                ReportError($"{(int)response.StatusCode} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
            }

            return (ok, sw.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException e)
        {
            ReportError(e.Message);
            return (false, sw.Elapsed.TotalMilliseconds);
        }
    }

    private static int reportedErrors;

    /// <summary>The first few errors, on stderr: enough to see what went wrong without flooding the table.</summary>
    private static void ReportError(string what)
    {
        if (Interlocked.Increment(ref reportedErrors) <= 5)
        {
            Console.Error.WriteLine("error: " + what);
        }
    }

    /// <summary>rep_id → Teams AAD object id, read from the database the app seeded (the demo gives everyone one).</summary>
    private static Dictionary<string, string> AadObjectIds(string root)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(root, "load.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, teams_aad_object_id FROM reps WHERE teams_aad_object_id IS NOT NULL";
        using var reader = command.ExecuteReader();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetString(1);
        }

        return ids;
    }

    /// <summary>
    /// The app's settings: a fresh SQLite file the demo is seeded into, quiet logs (but the address line the
    /// server helper waits for), and for Teams the stand-in as the Bot Framework.
    /// </summary>
    private static Dictionary<string, string> AppEnvironment(string root, BotFrameworkStandIn? standIn)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Territory"] = $"Data Source={Path.Combine(root, "load.db")}",
            ["Demo__SeedWhenEmpty"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (standIn is not null)
        {
            environment["Teams__AppId"] = BotFrameworkStandIn.AppId;
            environment["Teams__AppPassword"] = BotFrameworkStandIn.AppPassword;
            environment["Teams__OpenIdMetadataUrl"] = standIn.ChannelMetadataUrl;
            environment["Teams__EmulatorOpenIdMetadataUrl"] = standIn.EmulatorMetadataUrl;
            environment["Teams__TokenEndpoint"] = standIn.TokenUrl;
        }

        return environment;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
