using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Design;

public class DesignEngineTests
{
    private static DesignInput Small(int seed, int accounts = 80, int reps = 4, Func<RandomUniverse.Settings, RandomUniverse.Settings>? tweak = null)
    {
        var settings = new RandomUniverse.Settings { Accounts = accounts, Reps = reps, Seed = seed, NamedShare = 0.05, OpenPipelineShare = 0.2 };
        var input = RandomUniverse.Create(tweak?.Invoke(settings) ?? settings);
        // A manager in the team must never receive accounts.
        var reps2 = input.Data.Reps.Append(new Rep { RepId = "mgr", Name = "Manager", Role = RepRole.Manager, Home = new GeoPoint(40, -100) }).ToArray();
        return input with { Data = input.Data with { Reps = reps2 } };
    }

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 12).Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_RandomUniverse_EveryAccountOnceToTerritoryRep(int seed)
    {
        var input = Small(seed, accounts: 30 + seed * 7, reps: 2 + seed % 4);
        var result = DesignEngine.Run(input, new DesignOptions { Seed = seed, ProtectPipeline = seed % 2 == 0 });
        var repIds = input.Data.Reps.Where(r => r.Role == RepRole.Rep).Select(r => r.RepId).ToHashSet();
        Assert.Equal(ScenarioNames.All, result.Scenarios.Select(s => s.Name));
        foreach (var scenario in result.Scenarios)
        {
            var ids = scenario.Assignments.Select(a => a.AccountId).ToList();
            Assert.Equal(input.Data.Accounts.Select(a => a.AccountId), ids);
            Assert.All(scenario.Assignments, a => Assert.Contains(a.RepId, repIds));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_LocksAndProtectedPipeline_KeepCurrentOwner(int seed)
    {
        var input = Small(seed);
        var result = DesignEngine.Run(input, new DesignOptions { Seed = seed, ProtectPipeline = true });
        var open = input.Data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var accounts = input.Data.Accounts;
        var locked = Enumerable.Range(0, accounts.Count)
            .Where(i => accounts[i].OwnerId is not null && (accounts[i].NamedAccount || open.Contains(accounts[i].AccountId))).ToList();
        Assert.NotEmpty(locked);
        foreach (var scenario in result.Scenarios)
        {
            Assert.All(locked, i => Assert.Equal(accounts[i].OwnerId, scenario.RepIdOf(i)));
        }
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 5.0)]
    [InlineData(3, 10.0)]
    [InlineData(4, 15.0)]
    [InlineData(5, 40.0)]
    [InlineData(6, 100.0)]
    public void Run_Rebalance_MovesWithinCap(int seed, double pct)
    {
        var input = Small(seed, accounts: 120, reps: 5);
        var options = new DesignOptions { Seed = seed, MaxMovedPct = pct, Scenarios = [ScenarioNames.Rebalance] };
        var result = DesignEngine.Run(input, options);
        int owned = input.Data.Accounts.Count(a => a.OwnerId is not null);
        var rebalance = result.Scenario(ScenarioNames.Rebalance)!;
        Assert.True(rebalance.Metrics.AccountsMoved <= Math.Floor(pct / 100 * owned + 1e-9), $"moved {rebalance.Metrics.AccountsMoved} of {owned} at {pct}%");
        var accounts = input.Data.Accounts;
        int moved = Enumerable.Range(0, accounts.Count).Count(i => accounts[i].OwnerId is { } o && rebalance.RepIdOf(i) != o);
        Assert.Equal(moved, rebalance.Metrics.AccountsMoved);
    }

    [Theory]
    [InlineData(1, 5.0)]
    [InlineData(2, 20.0)]
    [InlineData(3, 50.0)]
    public void Run_RebalanceArrCap_ArrMovedWithinCap(int seed, double arrPct)
    {
        var input = Small(seed, accounts: 120, reps: 4);
        var result = DesignEngine.Run(input, new DesignOptions
        {
            Seed = seed, MaxMovedPct = 100, MaxArrMovedPct = arrPct, Scenarios = [ScenarioNames.Rebalance],
        });
        double totalArr = input.Data.Accounts.Where(a => a.OwnerId is not null).Sum(a => a.CurrentArr);
        Assert.True(result.Scenarios[0].Metrics.ArrMoved <= arrPct / 100 * totalArr + 1e-6);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_TierRuleAndCapacity_HonouredWhenFeasible(int seed)
    {
        var input = Small(seed, accounts: 100, reps: 5, s => s with { Capacity = 40 });
        var result = DesignEngine.Run(input, new DesignOptions { Seed = seed, MinSeniorityByTier = DesignOptions.StrategicOnlyToSeniors });
        var reps = input.Data.Reps.ToDictionary(r => r.RepId);
        var accounts = input.Data.Accounts;
        var scores = input.Scores.ToDictionary(s => s.AccountId);
        foreach (var scenario in result.Scenarios)
        {
            for (int i = 0; i < accounts.Count; i++)
            {
                bool locked = accounts[i].NamedAccount && accounts[i].OwnerId is not null;
                if (!locked && scores[accounts[i].AccountId].Tier == Tier.Strategic)
                {
                    Assert.Equal(Seniority.Senior, reps[scenario.RepIdOf(i)!].Seniority);
                }
            }

            var active = scenario.Assignments.Where(a => scores[a.AccountId].Status is AccountStatus.ActiveCustomer or AccountStatus.ActiveProspect)
                .GroupBy(a => a.RepId);
            if (!scenario.Issues.Any(x => x.Code == "capacity-exceeded"))
            {
                Assert.All(active, g => Assert.True(g.Count() <= 40, $"{scenario.Name}: {g.Key} has {g.Count()} active accounts"));
            }
        }
    }

    [Fact]
    public void Run_CapacityTooSmall_ExplainsAndStillAssignsEveryone()
    {
        var input = Small(3, accounts: 100, reps: 3, s => s with { Capacity = 2, CustomerShare = 0.6 });
        var result = DesignEngine.Run(input, new DesignOptions { Seed = 3 });
        Assert.Contains(result.Issues, i => i.Code == "capacity-short");
        Assert.All(result.Scenarios, s => Assert.Equal(100, s.Assignments.Count));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_AnyScenario_TotalsConserved(int seed)
    {
        var input = Small(seed);
        var result = DesignEngine.Run(input, new DesignOptions { Seed = seed });
        double potential = input.Scores.Sum(s => s.PotentialArr);
        double workload = result.Accounts.Sum(a => a.Workload);
        foreach (var s in result.Scenarios)
        {
            Assert.Equal(potential, s.Territories.Sum(t => t.Potential), 6);
            Assert.Equal(potential, s.Metrics.Potential.Total, 6);
            Assert.Equal(workload, s.Territories.Sum(t => t.Workload), 6);
            Assert.Equal(input.Data.Accounts.Count, s.Territories.Sum(t => t.Accounts));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_SameSeed_IdenticalResult(int seed)
    {
        var input = Small(seed, accounts: 150, reps: 5);
        var a = DesignEngine.Run(input, new DesignOptions { Seed = seed, Parallel = true });
        var b = DesignEngine.Run(input, new DesignOptions { Seed = seed, Parallel = false });
        Assert.Equal(a.Recommended, b.Recommended);
        Assert.Equal(a.Recommendation, b.Recommendation);
        for (int s = 0; s < a.Scenarios.Count; s++)
        {
            Assert.Equal(a.Scenarios[s].Assignments, b.Scenarios[s].Assignments);
            Assert.Equal(a.Scenarios[s].Stats, b.Scenarios[s].Stats);
        }
    }

    [Fact]
    public void Run_ManyRepsFewCandidates_StillAssignsAndBalances()
    {
        // More reps than the candidate lists hold: exercises the k-d tree candidate path.
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 1200, Reps = 30, Seed = 9 });
        var result = DesignEngine.Run(input, new DesignOptions { Seed = 9, CandidateReps = 4, Scenarios = [ScenarioNames.Opportunity, ScenarioNames.Geographic] });
        Assert.All(result.Scenarios, s => Assert.Equal(1200, s.Assignments.Count));
        Assert.True(result.Scenario(ScenarioNames.Opportunity)!.Metrics.Potential.Gini < 0.03);
    }

    [Fact]
    public void Run_DemoSizedUniverse_MeetsBalanceTargets()
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 4200, Reps = 8, Seed = 7 });
        var result = DesignEngine.Run(input, new DesignOptions
        {
            Seed = 42, ProtectPipeline = true,
            Scenarios = [ScenarioNames.Opportunity, ScenarioNames.Workload, ScenarioNames.Rebalance],
        });
        var opportunity = result.Scenario(ScenarioNames.Opportunity)!.Metrics;
        Assert.True(opportunity.Potential.Gini <= 0.01, $"opportunity potential Gini {opportunity.Potential.Gini}");
        Assert.True(opportunity.Workload.Gini <= 0.05, $"opportunity workload Gini {opportunity.Workload.Gini}");
        var workload = result.Scenario(ScenarioNames.Workload)!.Metrics;
        Assert.True(workload.Workload.Gini <= 0.01, $"workload workload Gini {workload.Workload.Gini}");
        Assert.True(workload.Potential.Gini <= 0.05, $"workload potential Gini {workload.Potential.Gini}");
        var rebalance = result.Scenario(ScenarioNames.Rebalance)!.Metrics;
        double cut = 1 - rebalance.Potential.Spread / result.Current.Metrics.Potential.Spread;
        Assert.True(cut >= 0.8, $"rebalance cut the spread by {cut:P1}");
        Assert.True(rebalance.AccountsMoved <= 0.15 * input.Data.Accounts.Count(a => a.OwnerId is not null));
    }

    [Fact]
    public void Run_LockedPotentialAboveBand_ExplainsInfeasibility()
    {
        var input = Small(4, accounts: 60, reps: 3);
        // Lock every account of the first rep plus give it most of the potential.
        var first = input.Data.Reps[0].RepId;
        var accounts = input.Data.Accounts.Select((a, i) => i < 40 ? a with { OwnerId = first, NamedAccount = true } : a).ToArray();
        input = input with { Data = input.Data with { Accounts = accounts } };
        var result = DesignEngine.Run(input, new DesignOptions { Seed = 4 });
        var issue = Assert.Single(result.Issues, i => i.Code == "locked-over-band");
        Assert.Contains(first, issue.Message);
        Assert.True(result.HasInfeasibility);
        Assert.All(result.Scenarios, s => Assert.Contains(s.Issues, i => i.Code == "target-missed"));
    }

    [Fact]
    public void Run_NoSeniorRep_ExplainsRelaxedTierRule()
    {
        var input = Small(5, accounts: 60, reps: 3);
        var reps = input.Data.Reps.Select(r => r with { Seniority = Seniority.Mid }).ToArray();
        input = input with { Data = input.Data with { Reps = reps } };
        var result = DesignEngine.Run(input, new DesignOptions { Seed = 5, MinSeniorityByTier = DesignOptions.StrategicOnlyToSeniors });
        Assert.Contains(result.Issues, i => i.Code == "tier-rule-unsatisfiable");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Run_BadMovedPct_Throws(double pct) =>
        Assert.Throws<ArgumentException>(() => DesignEngine.Run(Small(1), new DesignOptions { MaxMovedPct = pct }));

    [Fact]
    public void Run_UnknownScenario_Throws() =>
        Assert.Throws<ArgumentException>(() => DesignEngine.Run(Small(1), new DesignOptions { Scenarios = ["nope"] }));

    [Fact]
    public void Run_NoTerritoryReps_Throws()
    {
        var input = Small(1);
        input = input with { Data = input.Data with { Reps = input.Data.Reps.Where(r => r.Role != RepRole.Rep).ToArray() } };
        Assert.Throws<ArgumentException>(() => DesignEngine.Run(input));
    }

    [Fact]
    public void Run_AllScenarios_RecommendationNamesRunnerUpAndNumbers()
    {
        var result = DesignEngine.Run(Small(6, accounts: 200, reps: 5), new DesignOptions { Seed = 6 });
        Assert.Contains(result.Recommended, ScenarioNames.All);
        Assert.StartsWith(result.Recommended + " is recommended", result.Recommendation);
        Assert.Contains("runner-up", result.Recommendation);
        Assert.Matches(@"\d", result.Recommendation);
        Assert.All(result.Scenarios, s => Assert.All(s.Territories, t => Assert.False(string.IsNullOrWhiteSpace(t.Coherence))));
    }

    [Fact]
    public void Run_QuotaTargetsAndRamping_TargetsFollowShares()
    {
        var input = Small(7, accounts: 300, reps: 4, s => s with { Ramping = false });
        var reps = input.Data.Reps.Select((r, i) => r with { Quota = 1_000_000 * (i + 1), Ramping = i == 1 }).ToArray();
        input = input with { Data = input.Data with { Reps = reps } };
        var result = DesignEngine.Run(input, new DesignOptions { Seed = 7, Targets = TargetMode.Quota, RampingFactor = 0.5, Scenarios = [ScenarioNames.Opportunity] });
        var shares = result.Reps.Select(r => r.TargetShare).ToArray();
        // quotas 1,2,3,4 with the second halved: 1, 1, 3, 4 out of 9.
        Assert.Equal(new[] { 1 / 9.0, 1 / 9.0, 3 / 9.0, 4 / 9.0 }, shares, (a, b) => Math.Abs(a - b) < 1e-9);
        var opportunity = result.Scenarios[0];
        Assert.All(opportunity.Territories, t => Assert.InRange(t.DeviationPct, -5, 5));
    }

    [Fact]
    public void Run_IndustryScenario_RaisesRepFitOverGeographic()
    {
        var result = DesignEngine.Run(RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 600, Reps = 6, Seed = 11 }), new DesignOptions { Seed = 11 });
        Assert.True(result.Scenario(ScenarioNames.Industry)!.Metrics.RepFit > result.Scenario(ScenarioNames.Geographic)!.Metrics.RepFit);
        Assert.True(result.Scenario(ScenarioNames.Industry)!.Metrics.IndustryFocus > result.Scenario(ScenarioNames.Geographic)!.Metrics.IndustryFocus);
        Assert.True(result.Scenario(ScenarioNames.Size)!.Metrics.SegmentConsistency > result.Scenario(ScenarioNames.Geographic)!.Metrics.SegmentConsistency);
        Assert.True(result.Scenario(ScenarioNames.Geographic)!.Metrics.MeanKmToHome < result.Scenario(ScenarioNames.Opportunity)!.Metrics.MeanKmToHome);
    }
}
