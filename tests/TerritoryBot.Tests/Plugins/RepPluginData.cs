using System.Text.RegularExpressions;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Plugins;

/// <summary>
/// Data for the rep plugin tests: the demo with two teams (R001–R003 under manager R007, R004–R006 under manager
/// R009), ops R008, and one of R001's accounts carrying a hostile name and notes.
/// </summary>
internal static partial class RepPluginData
{
    public const string SecondManager = "R009";
    public const string HostileName = "*Acme* [x](http://evil.example) _Ltd_";
    public const string HostileNotes = "- call **now** {{DATE(2030-01-01T00:00:00Z, SHORT)}} <b>x</b> see www.evil.example";

    public static DataSet TwoTeams(int accounts = 300, int seed = 5)
    {
        var data = ConversationHarness.Demo(accounts, reps: 6, seed);
        var reps = data.Reps.Select(r => r.RepId is "R004" or "R005" or "R006" ? r with { ManagerId = SecondManager } : r)
            .Append(new Rep { RepId = SecondManager, Name = "Quinn Abernathy", Role = RepRole.Manager, SlackUserId = "U0SECONDMGR" })
            .ToList();
        var hostile = data.Accounts.Where(a => a.OwnerId == "R001").OrderByDescending(a => a.CurrentArr).First().AccountId;
        var accountsList = data.Accounts.Select(a => a.AccountId == hostile ? a with { Name = HostileName, RelationshipNotes = HostileNotes } : a).ToList();
        return data with { Reps = reps, Accounts = accountsList };
    }

    public static string HostileAccountId(DataSet data) => data.Accounts.Single(a => a.Name == HostileName).AccountId;

    /// <summary>Text and card JSON of a result: everything a person or a channel would see.</summary>
    public static string Everything(TurnResult result) =>
        result.Text + "\n" + (result.Card is null ? "" : CardJson.Serialize(result.Card));

    /// <summary>
    /// Fails when the output names an account owned by a territory rep the caller may not see (by id, or by a name
    /// no visible account shares). Unassigned accounts are nobody's and may appear (whitespace lists them).
    /// </summary>
    public static void AssertNoOtherRepsAccounts(Workspace workspace, string callerId, TurnResult result)
    {
        var caller = Caller.For(workspace.FindRep(callerId)!, workspace);
        string all = Everything(result);
        bool Hidden(Account a) => a.OwnerId is { } owner && workspace.Reps.TryGetValue(owner, out var r) && r.CarriesTerritory && !caller.CanSeeRep(owner);
        foreach (Match m in AccountIdPattern().Matches(all))
        {
            var account = workspace.Accounts[m.Value];
            Assert.False(Hidden(account), $"{callerId} was shown {m.Value}, owned by {account.OwnerId}: {Clip(all, m.Index)}");
        }

        var visibleNames = workspace.Data.Accounts.Where(a => !Hidden(a)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var account in workspace.Data.Accounts.Where(Hidden))
        {
            if (account.Name.Length >= 6 && !visibleNames.Any(v => v.Contains(account.Name, StringComparison.Ordinal)))
            {
                int at = all.IndexOf(account.Name, StringComparison.Ordinal);
                Assert.True(at < 0, $"{callerId} was shown the name of {account.AccountId} ({account.Name}), owned by {account.OwnerId}: {Clip(all, at)}");
            }
        }
    }

    private static string Clip(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)));

    [GeneratedRegex(@"A\d{6}")]
    private static partial Regex AccountIdPattern();
}
