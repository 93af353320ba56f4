using Microsoft.Extensions.Configuration;
using TerritoryBot.Cli;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Tests.Planning;

namespace TerritoryBot.Tests.Planning;

public sealed class PlanCommandTests
{
    private static PlanCommand.PlanRequest Request(string rep, string format = "md", PlanSection section = PlanSection.All) =>
        new(rep, format, section, PlanFixture.AsOf);

    [Theory]
    [InlineData("nobody", "unknown rep 'nobody'")]
    [InlineData("m1", "'m1' has role manager")]
    public void Render_UnknownRepOrNonRep_IsBadInput(string rep, string message)
    {
        var e = Assert.Throws<BadInputException>(() => PlanCommand.Render(PlanFixture.Data(), Request(rep)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Markdown_HasTerritoryAndBusinessPlan()
    {
        string md = PlanCommand.Render(PlanFixture.Data(), Request("r3"));
        Assert.StartsWith("# Territory plan — Alan Turing", md, StringComparison.Ordinal);
        Assert.Contains("## Strategic hypothesis", md, StringComparison.Ordinal);
        Assert.Contains("### Quota decomposition", md, StringComparison.Ordinal);
        Assert.Contains("No target assignment was given", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HtmlBusinessPlanWithTarget_IsOneDocumentWithTransitions()
    {
        var request = Request("r1", "html", PlanSection.Territory) with { Target = PlanFixture.Target(), TargetName = "assignment file t.csv" };
        string html = PlanCommand.Render(PlanFixture.Data(), request);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Woodgrove Financial", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quota decomposition", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_JsonOutput_IsOneDocumentWithRepsAndIndustries()
    {
        var output = new StringWriter();
        FitCommand.Run(PlanFixture.Data(), PlanFixture.AsOf, json: true, output);
        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("reps").GetArrayLength());
        Assert.Equal(27, root.GetProperty("team").GetProperty("deals").GetInt32());
        var ada = root.GetProperty("reps")[0];
        Assert.Equal(6, ada.GetProperty("byIndustry").GetProperty("Software").GetProperty("deals").GetInt32());
        Assert.True(ada.GetProperty("byIndustry").GetProperty("Software").GetProperty("smoothed").GetDouble() < 0.8);
        Assert.Equal(5, root.GetProperty("industries").GetArrayLength());
    }

    [Fact]
    public void Fit_Table_ShowsSampleSizesAndBestFit()
    {
        var output = new StringWriter();
        FitCommand.Run(PlanFixture.Data(), PlanFixture.AsOf, json: false, output);
        string text = output.ToString();
        Assert.Contains("(6/6)", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Industry +Best fit +Rate +Runner-up +Margin$", text);
        Assert.Contains("0.2x thin", text, StringComparison.Ordinal);
    }
}

public sealed class PlanScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tb-plan-").FullName;

    private IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Territory"] = $"Data Source={Path.Combine(_dir, "territory.db")};Pooling=False",
            ["Database:Provider"] = "Sqlite",
        })
        .Build();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    [Fact]
    public async Task LoadScenario_SavedScenario_ReturnsItsOwners()
    {
        var data = PlanFixture.Data();
        await using (var db = await TerritoryBot.Data.TerritoryDatabase.OpenAsync(Configuration()))
        {
            await TerritoryBot.Data.TerritoryStore.ImportDataSetAsync(db, data);
            await TerritoryBot.Data.TerritoryStore.SaveScenariosAsync(db, [new TerritoryBot.Data.StoredScenario("rebalance", DateTime.UtcNow, true, "{}", PlanFixture.Target())]);
        }

        var target = await PlanCommand.LoadScenarioAsync("rebalance", data, Configuration(), CancellationToken.None);
        Assert.Equal(PlanFixture.Target().OrderBy(a => a.AccountId), target);

        var e = await Assert.ThrowsAsync<BadInputException>(() => PlanCommand.LoadScenarioAsync("geographic", data, Configuration(), CancellationToken.None));
        Assert.Equal("--scenario: no saved scenario 'geographic'; saved scenarios: rebalance.", e.Message);
    }
}
