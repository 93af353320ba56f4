using System.Net;

namespace TerritoryBot.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_Running_ReturnsOk()
    {
        await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }
}
