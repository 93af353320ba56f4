using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Design;

/// <summary>Accounts without a location (location source none) are never treated as being at 0 km from anything.</summary>
public sealed class UnlocatedAccountsTests
{
    [Fact]
    public void Run_NoAccountLocated_NoDistanceClaimed()
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 120, Reps = 4, Seed = 5, Locations = false });

        var result = DesignEngine.Run(input, new DesignOptions { Seed = 5 });

        foreach (var scenario in result.Scenarios.Prepend(result.Current))
        {
            Assert.Equal(0, scenario.Metrics.LocatedAccounts);
            Assert.Equal(0, scenario.Metrics.AccountsWithHomeDistance);
            Assert.All(scenario.Territories, t => Assert.DoesNotContain(" km ", t.Coherence));
        }

        Assert.DoesNotContain(" km ", result.Recommendation);
    }

    [Fact]
    public void Run_SomeAccountsUnlocated_DistancesOverLocatedOnly()
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 200, Reps = 4, Seed = 9, UnownedShare = 0 });
        var accounts = input.Data.Accounts.Select((a, i) => i % 3 == 0 ? a with { Location = null } : a).ToList();
        var stripped = input with { Data = input.Data with { Accounts = accounts } };

        var result = DesignEngine.Run(stripped, new DesignOptions { Seed = 9, Scenarios = [ScenarioNames.Geographic] });

        var geographic = result.Scenario(ScenarioNames.Geographic)!;
        Assert.Equal(accounts.Count(a => a.Location is not null), geographic.Metrics.LocatedAccounts);
        Assert.True(geographic.Metrics.MeanKmToHome > 0);
        Assert.All(accounts.Where(a => a.Location is null), a => Assert.Equal(LocationSource.None, a.LocationSource));
    }
}
