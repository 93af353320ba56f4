using System.Diagnostics;
using System.Net;
using TerritoryBot.Tests.Cli;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>`territorybot serve` listens where it is told: `--urls URL`, or ASPNETCORE_URLS (the real executable).</summary>
public sealed class ServeUrlsTests
{
    [Theory]
    [InlineData("option")]
    [InlineData("environment")]
    public async Task Serve_UrlsGiven_ListensThere(string how)
    {
        var dir = Directory.CreateTempSubdirectory("tb-serve-").FullName;
        var port = ServerProcess.FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(TerritoryBot.WebHost).Assembly.Location);
        start.ArgumentList.Add("serve");
        if (how == "option")
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(url);
            start.Environment.Remove("ASPNETCORE_URLS");
        }
        else
        {
            start.Environment["ASPNETCORE_URLS"] = url;
        }

        start.Environment["ConnectionStrings__Territory"] = $"Data Source={Path.Combine(dir, "t.db")};Pooling=False";
        start.Environment["Demo__SeedWhenEmpty"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 240 && status is null && !process.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync(url + "/healthz");
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"no answer on {url} ({how}); exited: {process.HasExited}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            _ = await stdout + await stderr;
            Directory.Delete(dir, recursive: true);
        }
    }
}
