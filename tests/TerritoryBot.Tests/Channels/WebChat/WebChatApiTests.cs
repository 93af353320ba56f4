using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TerritoryBot.Channels.WebChat;
using TerritoryBot.Conversation;
using TerritoryBot.Landing;

namespace TerritoryBot.Tests.Channels.WebChat;

/// <summary>The web chat's page and JSON API through the real app in a TestServer.</summary>
public sealed class WebChatApiTests : IDisposable
{
    private readonly WebChatFactory _factory = new();
    private readonly HttpClient _client;

    public WebChatApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static StringContent Json(string body, string contentType = "application/json") =>
        new(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));

    private async Task<(HttpStatusCode Status, JsonDocument Body)> PostAsync(HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/turns") { Content = content };
        configure?.Invoke(request);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "null" : text));
    }

    [Fact]
    public async Task Identities_Enabled_ListsEveryoneWithIdNameAndRole()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/webchat/identities"));

        var people = doc.RootElement.EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetString(), Name: p.GetProperty("name").GetString(), Role: p.GetProperty("role").GetString()))
            .ToList();
        Assert.Equal(_factory.Data.Reps.Select(r => r.RepId), people.Select(p => p.Id));
        Assert.Equal(_factory.Data.Reps.Select(r => r.Name), people.Select(p => p.Name));
        Assert.Equal(["rep", "rep", "rep", "rep", "manager", "ops"], people.Select(p => p.Role));
    }

    [Fact]
    public async Task Turn_Text_AnswersWithIntentTextAndCard()
    {
        var (status, body) = await PostAsync(Json("""{"userId":"R001","text":"what can you do?"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        var root = body.RootElement;
        Assert.Equal(["intent", "text", "card"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("help", root.GetProperty("intent").GetString());
        Assert.StartsWith($"Hi {_factory.Data.Reps[0].Name.Split(' ')[0]}", root.GetProperty("text").GetString());
        Assert.Equal("AdaptiveCard", root.GetProperty("card").GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("card").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Turn_LowerCaseUserIdAndCharset_Accepted()
    {
        var (status, body) = await PostAsync(Json("""{"userId":"r006","text":"help"}""", "application/json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("(ops)", body.RootElement.GetProperty("card").ToString());
    }

    [Fact]
    public async Task Turn_UnknownUser_PoliteRefusalWithoutData()
    {
        var (status, body) = await PostAsync(Json("""{"userId":"R999","text":"show my territory"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("unknown", body.RootElement.GetProperty("intent").GetString());
        Assert.Equal(ConversationCore.UnknownPersonText, body.RootElement.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("card").ValueKind);
    }

    [Fact]
    public async Task Turn_ActionWithUnknownVerb_ReachesTheCoreAndIsAnsweredInWords()
    {
        var (status, body) = await PostAsync(Json("""{"userId":"R001","action":{"verb":"no.such.verb","data":{"accountId":"x"}}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("That button is not one I know", body.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("text/plain", """{"userId":"R001","text":"help"}""", 415, "application/json")]
    [InlineData("application/x-www-form-urlencoded", "userId=R001&text=help", 415, "application/json")]
    [InlineData("application/json; charset=iso-8859-1", """{"userId":"R001","text":"help"}""", 415, "UTF-8")]
    [InlineData("application/json", """{"userId":"R001","text":"help""", 400, "not valid JSON")]
    [InlineData("application/json", "", 400, "not valid JSON")]
    [InlineData("application/json", "[]", 400, "must be a JSON object")]
    [InlineData("application/json", "\"help\"", 400, "must be a JSON object")]
    [InlineData("application/json", "{}", 400, "'userId' is missing")]
    [InlineData("application/json", """{"text":"help"}""", 400, "'userId' is missing")]
    [InlineData("application/json", """{"userId":"R001"}""", 400, "'text' or 'action' is required")]
    [InlineData("application/json", """{"userId":"R001","text":"hi","action":{"verb":"x"}}""", 400, "not both")]
    [InlineData("application/json", """{"userId":"","text":"help"}""", 400, "'userId' must be a non-empty string")]
    [InlineData("application/json", """{"userId":42,"text":"help"}""", 400, "'userId' must be a non-empty string")]
    [InlineData("application/json", """{"userId":"R001","text":"   "}""", 400, "'text' is empty")]
    [InlineData("application/json", """{"userId":"R001","text":7}""", 400, "'text' must be a string")]
    [InlineData("application/json", """{"userId":"R001","text":null}""", 400, "'text' must be a string")]
    [InlineData("application/json", """{"userId":"R001","text":"help","mood":"happy"}""", 400, "unknown field 'mood'")]
    [InlineData("application/json", """{"userId":"R001","action":"approve"}""", 400, "'action' must be an object")]
    [InlineData("application/json", """{"userId":"R001","action":{}}""", 400, "'action.verb' is missing")]
    [InlineData("application/json", """{"userId":"R001","action":{"verb":""}}""", 400, "'action.verb' must be a non-empty string")]
    [InlineData("application/json", """{"userId":"R001","action":{"verb":"x","data":[1]}}""", 400, "'action.data' must be an object")]
    [InlineData("application/json", """{"userId":"R001","action":{"verb":"x","why":1}}""", 400, "unknown field 'action.why'")]
    public async Task Turn_BadInput_RejectedWithStatusAndReason(string contentType, string body, int expectedStatus, string reason)
    {
        var (status, problem) = await PostAsync(Json(body, contentType));

        Assert.Equal(expectedStatus, (int)status);
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Turn_NoContentType_Unsupported()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"userId":"R001","text":"help"}"""));

        var (status, _) = await PostAsync(content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Turn_DeeplyNestedJson_BadRequestNotServerError()
    {
        var nested = new string('[', 200) + new string(']', 200);

        var (status, problem) = await PostAsync(Json("""{"userId":"R001","action":{"verb":"x","data":{"a":""" + nested + "}}}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid JSON", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Turn_BodyOver32KB_PayloadTooLarge(bool withContentLength)
    {
        var json = $$"""{"userId":"R001","text":"{{new string('a', 40 * 1024)}}"}""";
        HttpContent content = withContentLength
            ? Json(json)
            : new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var (status, problem) = await PostAsync(content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 32768 bytes", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:9999")]
    [InlineData("null")]
    public async Task Turn_CrossSiteOrigin_Forbidden(string origin)
    {
        var (status, _) = await PostAsync(Json("""{"userId":"R006","text":"approve 1"}"""), r => r.Headers.Add("Origin", origin));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Turn_SameOrigin_Accepted()
    {
        // TestServer's client talks to http://localhost (port 80).
        var (status, _) = await PostAsync(Json("""{"userId":"R001","text":"help"}"""), r => r.Headers.Add("Origin", "http://localhost"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Page_Development_IsTheChatWithTheLoadedDataHeader()
    {
        var page = await _client.GetStringAsync("/");

        Assert.Contains("id=\"identity\"", page);
        Assert.Contains("/webchat/app.js", page);
        Assert.Contains($"<strong>{WebChatFactory.Accounts}</strong> accounts", page);
    }

    [Theory]
    [InlineData("/webchat/app.js", "text/javascript")]
    [InlineData("/webchat/app.css", "text/css")]
    public async Task Assets_Present_ServedWithTheirContentType(string path, string contentType)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/webchat/missing.js")]
    [InlineData("/webchat/..%2Fappsettings.json")]
    [InlineData("/webchat/.hidden")]
    [InlineData("/lib/..%2F..%2Fterritorybot.dll")]
    public async Task Assets_UnknownOrOutsideTheFolder_NotFound(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/api/webchat/identities")]
    [InlineData("POST", "/api/webchat/turns")]
    [InlineData("GET", "/webchat/app.js")]
    public async Task Remote_NotAllowed_NotFound(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(WebChatFactory.RemoteIpHeader, "203.0.113.7");
        if (method == "POST")
        {
            request.Content = Json("""{"userId":"R006","text":"help"}""");
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Loopback_Any_Served(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/identities");
        request.Headers.Add(WebChatFactory.RemoteIpHeader, address);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A body without a length: sent chunked, so only reading it can find it too large.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Configurations other than the Development default.</summary>
public sealed class WebChatConfigurationTests
{
    [Fact]
    public async Task Production_Default_LandingPageAtRootAndNoChatApi()
    {
        using var factory = new WebChatFactory("Production");
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/");
        using var identities = await client.GetAsync("/api/webchat/identities");
        using var turn = await client.PostAsync("/api/webchat/turns", new StringContent("""{"userId":"R001","text":"help"}""", Encoding.UTF8, "application/json"));
        using var script = await client.GetAsync("/webchat/app.js");

        Assert.Contains("Territory planning assistant", page);
        Assert.DoesNotContain("id=\"identity\"", page);
        Assert.Contains($"<strong>{WebChatFactory.Accounts}</strong> accounts", page);
        Assert.Equal(HttpStatusCode.NotFound, identities.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, turn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    [Fact]
    public async Task Production_EnabledByConfiguration_ServesTheChat()
    {
        using var factory = new WebChatFactory("Production", ("WebChat:Enabled", "true"));
        using var client = factory.CreateClient();

        Assert.Contains("id=\"identity\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Development_DisabledByConfiguration_LandingPage()
    {
        using var factory = new WebChatFactory("Development", ("WebChat:Enabled", "false"));
        using var client = factory.CreateClient();

        Assert.DoesNotContain("id=\"identity\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Remote_AllowRemote_Served()
    {
        using var factory = new WebChatFactory("Development", ("WebChat:AllowRemote", "true"));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/identities");
        request.Headers.Add(WebChatFactory.RemoteIpHeader, "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Build_BodyLimitOutOfRange_FailsValidation()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--WebChat:Enabled=true", "--WebChat:MaxBodyBytes=10", "--Demo:SeedWhenEmpty=false"]);
            app.StartAsync().GetAwaiter().GetResult();
        });

        Assert.Contains("MaxBodyBytes", error.Message);
    }
}

public sealed class ChatPageTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_Renderer_ScriptTagOnlyWhenInstalled(bool installed)
    {
        var page = ChatPage.Render(new LandingPage.LoadedCounts(10, 2, 3, 5, 7), installed);

        Assert.Equal(installed, page.Contains("<script src=\"/lib/adaptivecards.min.js\"></script>", StringComparison.Ordinal));
        Assert.Contains("<script src=\"/webchat/app.js\"></script>", page);
        Assert.Contains("<strong>10</strong> accounts (2 customers)", page);
    }

    [Fact]
    public void Render_NothingLoaded_SaysHowToImport() =>
        Assert.Contains("territorybot import --data DIR", ChatPage.Render(new LandingPage.LoadedCounts(0, 0, 0, 0, 0), rendererInstalled: true));
}
