using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `chat-load [concurrency] [waves] [fresh%]`: the load tool behind issue 7's latency target. Starts the real app as a
/// separate process (`territorybot serve` on a free loopback port, a fresh SQLite file seeded with the 4,200 × 8
/// demo, web chat on), warms it up with every utterance once per identity, then fires waves of
/// <c>concurrency</c> chat turns at once (POST /api/webchat/turns, the deterministic path) and prints, per wave,
/// the latency percentiles and errors, then the medians over the waves. <c>fresh%</c> of each wave's turns (default
/// 10) are questions never asked before (the manager or ops looking up an account not looked up yet), so not every
/// answer is one the app already keeps.
/// </summary>
public sealed class ChatLoadSweep : ISweep
{
    public string Name => "chat-load";

    private const int DemoAccounts = 4_200;

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
        var root = Path.Combine(Path.GetTempPath(), "territorybot-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        int port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var app = StartApp(root, baseUrl);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
            {
                BaseAddress = new Uri(baseUrl),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitForHealthAsync(http, app);
            var identities = (await http.GetFromJsonAsync<JsonArray>("/api/webchat/identities"))!
                .Select(n => (Id: (string)n!["id"]!, Role: (string)n["role"]!)).ToList();
            var turns = identities.SelectMany(i => (i.Role == "rep" ? RepUtterances : TeamUtterances).Select(t => (i.Id, Text: t))).ToList();
            var lookers = identities.Where(i => i.Role != "rep").Select(i => i.Id).ToList();
            int lookups = 0;
            (string Id, string Text) Fresh()
            {
                // Every account once (a stride coprime with the demo's 4,200 accounts), by the manager or ops in turn.
                int n = Interlocked.Increment(ref lookups);
                return (lookers[n % lookers.Count], $"tell me about A{((n * 1_009) % DemoAccounts) + 1:D6}");
            }

            // Warm-up: every turn once, one at a time (fills the workspace caches: scores, fit, design, fairness).
            var warm = Stopwatch.StartNew();
            foreach (var (id, text) in turns)
            {
                await SendAsync(http, id, text);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {turns.Count} distinct turns in {warm.Elapsed.TotalSeconds:F1} s ({identities.Count} identities)"));

            // One at a time, warm: the cost of each kind of turn on its own (median of 5), slowest first.
            var alone = new List<(double Ms, string Who, string Text)>();
            foreach (var (id, text) in turns)
            {
                var runs = new List<double>();
                for (int i = 0; i < 5; i++)
                {
                    runs.Add((await SendAsync(http, id, text)).Ms);
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"waves of {concurrency} turns at once; every {(freshPercent > 0 ? Math.Max(1, 100 / freshPercent) : 0)}th is an account lookup never asked before (0 = none)"));
            Console.WriteLine($"| wave | turns at once | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors | wall (ms) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            var p50s = new List<double>();
            var p99s = new List<double>();
            int totalErrors = 0;
            for (int w = 1; w <= waves; w++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                int freshEvery = freshPercent > 0 ? Math.Max(1, 100 / freshPercent) : int.MaxValue;
                var wave = Enumerable.Range(0, concurrency)
                    .Select(i => i % freshEvery == freshEvery - 1 ? Fresh() : turns[(i + (w * 7)) % turns.Count]).ToList();
                var tasks = wave.Select(async turn =>
                {
                    var (id, text) = turn;
                    await start.Task;
                    return await SendAsync(http, id, text);
                }).ToList();
                var wall = Stopwatch.StartNew();
                start.SetResult();
                var results = await Task.WhenAll(tasks);
                wall.Stop();
                var latencies = results.Select(r => r.Ms).Order().ToArray();
                int errors = results.Count(r => !r.Ok);
                totalErrors += errors;
                p50s.Add(Percentile(latencies, 0.50));
                p99s.Add(Percentile(latencies, 0.99));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {w} | {concurrency} | {Percentile(latencies, 0.5):F1} | {Percentile(latencies, 0.95):F1} | {Percentile(latencies, 0.99):F1} | {latencies[^1]:F1} | {errors} | {wall.Elapsed.TotalMilliseconds:F0} |"));
            }

            p50s.Sort();
            p99s.Sort();
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median over {waves} waves: p50 {p50s[p50s.Count / 2]:F1} ms, p99 {p99s[p99s.Count / 2]:F1} ms, worst wave p99 {p99s[^1]:F1} ms; errors {totalErrors}"));
            return totalErrors == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                app.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }

            await app.WaitForExitAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(bool Ok, double Ms)> SendAsync(HttpClient http, string userId, string text)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            // Sent with a Content-Length, as the chat page's fetch, Teams and Slack do (PostAsJsonAsync would stream it chunked).
            using var content = new StringContent(JsonSerializer.Serialize(new { userId, text }), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/webchat/turns", content);
            var body = await response.Content.ReadAsStringAsync();
            sw.Stop();
            // The generator shares the machine with the app: it checks the reply cheaply instead of parsing it.
            bool ok = response.StatusCode == HttpStatusCode.OK && body.StartsWith("{\"intent\":\"", StringComparison.Ordinal)
                      && !body.Contains("something went wrong", StringComparison.Ordinal);
            return (ok, sw.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return (false, sw.Elapsed.TotalMilliseconds);
        }
    }

    private static Process StartApp(string root, string baseUrl)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "territorybot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["WebChat__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ConnectionStrings__Territory"] = $"Data Source={Path.Combine(root, "load.db")}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process app)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {app.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the app did not become healthy within 120 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
