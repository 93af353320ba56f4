using System.CommandLine;
using System.Text.Json;
using TerritoryBot.Features.Query;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Features.Query;

/// <summary>`territorybot query` through its real option parsing, over the small test data folder.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand { QueryCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await root.Parse(["query", "--data", _folder.Path, .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Query_RepJson_SeesOnlyOwnBook()
    {
        var (code, stdout, stderr) = await RunAsync("--as", "R1", "--json");
        Assert.Equal((0, ""), (code, stderr));
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal("rep", root.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("scope").GetProperty("accounts").GetInt32());
        Assert.Equal(["A1"], root.GetProperty("accountIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, root.GetProperty("total").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Query_ManagerSumInAStateByName_ResolvedToCodeAndSummed()
    {
        var (code, stdout, _) = await RunAsync("--as", "M1", "--where", "state=New York", "--measure", "sum:current_arr", "--list", "city,current_arr", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("scope").GetProperty("accounts").GetInt32());
        Assert.Equal(120_000, root.GetProperty("total").GetProperty("value").GetDouble());
        var filter = root.GetProperty("filters")[0];
        Assert.Equal(("state", "is"), (filter.GetProperty("field").GetString(), filter.GetProperty("op").GetString()));
        Assert.Equal(["NY"], filter.GetProperty("resolved").EnumerateArray().Select(e => e.GetString()));
        var row = root.GetProperty("rows")[0];
        Assert.Equal("New York", row.GetProperty("fields").GetProperty("city").GetString());
        Assert.Equal(120_000, row.GetProperty("fields").GetProperty("current_arr").GetDouble());
    }

    [Fact]
    public async Task Query_GroupByOwnerText_PrintsFigureScopeAndTable()
    {
        var (code, stdout, _) = await RunAsync("--as", "M1", "--group-by", "owner", "--rows", "0");
        Assert.Equal(0, code);
        Assert.StartsWith("count: 2\n", stdout.ReplaceLineEndings("\n"));
        Assert.Contains("Over 2 accounts of 2 in scope (Maria Manager's team (2 territories))", stdout);
        Assert.Matches(@"\nR1 +1 +1\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Query_RepNamingAnotherRepOrNobody_SameRefusalExit2()
    {
        var (code, stdout, other) = await RunAsync("--as", "R1", "--where", "owner=R2");
        var (code2, _, nobody) = await RunAsync("--as", "R1", "--where", "owner=Zed");
        Assert.Equal((2, 2, ""), (code, code2, stdout));
        Assert.Equal(other.Replace("R2", "X"), nobody.Replace("Zed", "X"));
        Assert.Contains("not one of the reps whose accounts you can see", other);
    }

    [Fact]
    public async Task Query_BadFilter_Exit2NamingTheOption()
    {
        var (code, stdout, stderr) = await RunAsync("--as", "R1", "--where", "industry>5");
        Assert.Equal((2, ""), (code, stdout));
        Assert.StartsWith("--where \"industry>5\": industry is not a number", stderr);
    }

    [Fact]
    public async Task Query_UnknownUser_Exit2()
    {
        var (code, _, stderr) = await RunAsync("--as", "NOPE");
        Assert.Equal(2, code);
        Assert.Contains("--as: nobody with rep_id 'NOPE'", stderr);
    }

    [Fact]
    public async Task Query_RankTopList_OrderedRowsAndMore()
    {
        var (code, stdout, _) = await RunAsync("--as", "M1", "--rank-by", "employees", "--top", "1", "--list", "employees", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["A2"], doc.RootElement.GetProperty("accountIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, doc.RootElement.GetProperty("selected").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("matched").GetInt32());
    }
}
