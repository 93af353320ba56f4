using TerritoryBot.Conversation;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Conversation;

public sealed class IntentRouterTests
{
    private static IntentMatch Route(string text) => RouterFixture.Router.Route(text);

    [Fact]
    public void IntentNames_All_MatchDataMdChatIntents()
    {
        string[] dataMd =
        [
            "help", "my_territory", "top_accounts", "account_lookup", "whitespace", "business_plan",
            "territory_doc", "transition_package", "score_summary", "tier_review", "scenarios", "fairness_check",
            "coverage_gaps", "rep_fit", "propose_reassignment", "list_proposals", "approve_proposal",
            "reject_proposal", "account_query", "where_i_stand", "explain_why", "draft_message", "unknown",
        ];
        Assert.Equal(dataMd, IntentNames.All);
        Assert.Equal(Intent.BuiltIn.Count, dataMd.Length);
    }

    [Theory]
    [InlineData("balance by quota", TargetMode.Quota)]
    [InlineData("rebalance weighted by quota", TargetMode.Quota)]
    [InlineData("design scenarios weighted by capacity", TargetMode.Capacity)]
    [InlineData("split territories in proportion to quotas", TargetMode.Quota)]
    [InlineData("rebalance with equal targets", TargetMode.Equal)]
    public void Route_TargetsPhrase_ScenariosWithTargets(string text, TargetMode targets)
    {
        var match = Route(text);
        Assert.Equal(Intent.Scenarios, match.Intent);
        Assert.Equal(targets, match.Entities.Targets);
    }

    [Fact]
    public void Route_PlainRebalance_NoTargets() => Assert.Null(Route("rebalance the territories").Entities.Targets);

    [Theory]
    [InlineData("tell me about Acme Robotcs", "A000001")]
    [InlineData("whats up with globx", "A000003")]
    [InlineData("status of nothwind", "A000002")]
    [InlineData("info on CONTOSO BANK", "A000008")]
    [InlineData("lookup a000004", "A000004")]
    public void Route_AccountNameWithTypoOrCase_ResolvesAccount(string text, string accountId)
    {
        var match = Route(text);
        Assert.Equal(Intent.AccountLookup, match.Intent);
        Assert.Equal([accountId], match.Entities.AccountIds);
    }

    [Fact]
    public void Route_SharedWordAlone_DoesNotGuessAnAccount()
    {
        // "blue" and "bank" belong to two accounts each, "financial" is not how people name Globex.
        Assert.Empty(Route("show me the blue accounts").Entities.AccountIds);
        Assert.Empty(Route("who fits bank accounts best").Entities.AccountIds);
        Assert.Empty(Route("who is best for financial services").Entities.AccountIds);
    }

    [Fact]
    public void Route_TwoAccountsSharingAWord_PicksTheOneNamedInFull()
    {
        Assert.Equal(["A000007"], Route("tell me about blue ridge bank").Entities.AccountIds);
        Assert.Equal(["A000006"], Route("tell me about blue harbor insurance").Entities.AccountIds);
    }

    [Theory]
    [InlineData("show Marcus's territory", "R002")]
    [InlineData("show marcus territory", "R002")]
    [InlineData("show Marcus Chen's territory", "R002")]
    [InlineData("what's in priya raman's book of business", "R003")]
    [InlineData("show Okafor's territory", "R004")]
    [InlineData("territory of r004", "R004")]
    [InlineData("show Marcsu's territory", "R002")]
    public void Route_RepByFirstFullLastNameOrId_ResolvesRep(string text, string repId)
    {
        var match = Route(text);
        Assert.Equal(Intent.MyTerritory, match.Intent);
        Assert.Equal([repId], match.Entities.RepIds);
    }

    [Theory]
    [InlineData("my top 10 accounts", 10)]
    [InlineData("top ten accounts", 10)]
    [InlineData("show my 25 best accounts", 25)]
    public void Route_TopN_ExtractsCount(string text, int count)
    {
        var match = Route(text);
        Assert.Equal(Intent.TopAccounts, match.Intent);
        Assert.Equal(count, match.Entities.Count);
        Assert.Null(match.Entities.ProposalNumber);
    }

    [Theory]
    [InlineData("rebalance with at most 10% of accounts moved", 10)]
    [InlineData("rebalance, max 12.5 % moved", 12.5)]
    [InlineData("rebalance moving no more than ten percent", 10)]
    [InlineData("redesign with 7 per cent moved at most", 7)]
    public void Route_MoveCap_ExtractsPercent(string text, double percent)
    {
        var match = Route(text);
        Assert.Equal(Intent.Scenarios, match.Intent);
        Assert.Equal(percent, match.Entities.Percent);
        Assert.Null(match.Entities.Count);
    }

    [Theory]
    [InlineData("approve proposal 42", "approve_proposal", 42)]
    [InlineData("approve 42", "approve_proposal", 42)]
    [InlineData("Approve #42.", "approve_proposal", 42)]
    [InlineData("approve reassignment 42", "approve_proposal", 42)]
    [InlineData("reject proposal #7, pipeline is open", "reject_proposal", 7)]
    [InlineData("decline 3", "reject_proposal", 3)]
    public void Route_ProposalNumber_ExtractsProposal(string text, string intent, int proposal)
    {
        var match = Route(text);
        Assert.Equal(intent, match.Name);
        Assert.Equal(proposal, match.Entities.ProposalNumber);
        Assert.Null(match.Entities.Count);
    }

    [Theory]
    [InlineData("show the geographic scenario", "geographic")]
    [InlineData("show the geograhpic scenario", "geographic")]
    [InlineData("compare the workload scenario", "workload")]
    [InlineData("split territories by vertical", "industry")]
    [InlineData("show the geo split", "geographic")]
    public void Route_ScenarioName_ExtractsScenario(string text, string scenario)
    {
        var match = Route(text);
        Assert.Equal(Intent.Scenarios, match.Intent);
        Assert.Equal(scenario, match.Entities.Scenario);
    }

    [Fact]
    public void Route_MoveAccountToRep_ExtractsBoth()
    {
        var match = Route("move Acme Robotics to Priya");
        Assert.Equal(Intent.ProposeReassignment, match.Intent);
        Assert.Equal(["A000001"], match.Entities.AccountIds);
        Assert.Equal(["R003"], match.Entities.RepIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("what's the weather like in Paris")]
    [InlineData("xyzzy plugh")]
    [InlineData("sing me a song")]
    [InlineData("12345")]
    [InlineData("!!!???")]
    public void Route_OffTopicOrEmpty_ReturnsUnknown(string? text)
    {
        var match = Route(text!);
        Assert.Equal(Intent.Unknown, match.Intent);
        Assert.True(match.Confidence < IntentRouter.Threshold);
    }

    [Fact]
    public void Route_SameText_SameAnswer()
    {
        var router = new IntentRouter(RouterFixture.Vocabulary);
        var a = router.Route("reassign globex to tom, max 10%");
        var b = router.Route("reassign globex to tom, max 10%");
        Assert.Equal(a.Intent, b.Intent);
        Assert.Equal(a.Confidence, b.Confidence);
        Assert.Equal(a.Entities.AccountIds, b.Entities.AccountIds);
        Assert.Equal(a.Entities.RepIds, b.Entities.RepIds);
    }

    [Fact]
    public void From_DataSet_IndexesAccountsRepsAndScenarios()
    {
        var data = new DataSet(
            [new Account { AccountId = "ACC-9", Name = "Zephyr Analytics", Industry = "Software", Employees = 50 }],
            [new Rep { RepId = "u-7", Name = "Jordan Blake" }],
            [],
            IcpProfile.Default);
        var router = new IntentRouter(RouterVocabulary.From(data));

        Assert.Equal(["ACC-9"], router.Route("move acc-9 to jordan").Entities.AccountIds);
        Assert.Equal(["u-7"], router.Route("move acc-9 to jordan").Entities.RepIds);
        Assert.Equal(["ACC-9"], router.Route("tell me about zephir").Entities.AccountIds);
        Assert.Equal("rebalance", router.Route("show the rebalance scenario").Entities.Scenario);
    }

    [Theory]
    [InlineData("territory", "territory", 0)]
    [InlineData("teritory", "territory", 1)]
    [InlineData("tire", "tier", 1)]
    [InlineData("abc", "cab", 2)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_KnownPairs_OptimalStringAlignment(string a, string b, int expected)
    {
        Assert.Equal(expected, TextMatching.Distance(a, b, 5));
        Assert.Equal(expected, TextMatching.Distance(b, a, 5));
    }

    [Fact]
    public void Distance_RandomWords_SymmetricAndCappedAtMaxPlusOne()
    {
        var random = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var a = Word(random);
            var b = Word(random);
            var full = TextMatching.Distance(a, b, 100);
            Assert.Equal(full, TextMatching.Distance(b, a, 100));
            Assert.InRange(full, Math.Abs(a.Length - b.Length), Math.Max(a.Length, b.Length));
            Assert.Equal(Math.Min(full, 2), TextMatching.Distance(a, b, 1));
        }

        static string Word(Random random) =>
            new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => (char)('a' + random.Next(4)))]);
    }
}
