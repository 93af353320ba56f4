using TerritoryBot.Core.Model;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Plugins;

/// <summary>
/// Forged teams on the demo layout: six reps R001–R006, manager R007 (the demo's), ops R008, plus a second manager
/// R009. R001–R003 report to R007, R004–R006 to R009, so each manager sees exactly half the territories.
/// </summary>
internal static class TeamData
{
    public const string ManagerA = "R007";
    public const string ManagerB = "R009";
    public const string Ops = "R008";
    public static readonly string[] TeamA = ["R001", "R002", "R003"];
    public static readonly string[] TeamB = ["R004", "R005", "R006"];

    public static DataSet TwoTeams(int accounts = 300, int seed = 5)
    {
        var data = ConversationHarness.Demo(accounts, reps: 6, seed);
        var reps = data.Reps.Select(r => TeamB.Contains(r.RepId) ? r with { ManagerId = ManagerB } : r).ToList();
        var managerA = reps.Single(r => r.RepId == ManagerA);
        reps.Add(managerA with
        {
            RepId = ManagerB,
            Name = "Morgan Quill",
            Email = "morgan.quill@example.com",
            SlackUserId = "U0MANAGERB",
            TeamsAadObjectId = "9b0c1d2e-0000-4000-8000-00000000b009",
        });
        return data with { Reps = reps };
    }
}
