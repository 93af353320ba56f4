using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Fairness;

public sealed class FairnessEngineTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly GeoPoint Denver = new(39.74, -104.99);

    private static FairnessReport Assess(TestData t, FairnessOptions? options = null, IReadOnlyList<Assignment>? assignments = null) =>
        FairnessEngine.Assess(t.Data, t.Scores, assignments, AsOf, options);

    /// <summary>One named (immovable) account per rep carrying the given potential.</summary>
    private static TestData Team(params double[] potentials)
    {
        var t = new TestData();
        for (int r = 0; r < potentials.Length; r++)
        {
            t.Rep($"R{r}");
            t.Account($"N{r}", $"R{r}", potentials[r], named: true);
        }

        return t;
    }

    [Theory]
    [InlineData(new[] { 110.0, 90, 100 }, 10, new string[0])]
    [InlineData(new[] { 111.0, 89, 100 }, 10, new[] { "R0", "R1" })]
    [InlineData(new[] { 130.0, 95, 95, 80 }, 10, new[] { "R0", "R3" })]
    [InlineData(new[] { 130.0, 95, 95, 80 }, 20, new[] { "R0" })]
    [InlineData(new[] { 100.0, 100, 100 }, 0, new string[0])]
    public void Assess_TolerancePct_OutliersAreExactlyThoseBeyondTheBand(double[] potentials, double tolerance, string[] expected)
    {
        var report = Assess(Team(potentials), new FairnessOptions { TolerancePct = tolerance });

        Assert.Equal(expected, report.Outliers);
        double mean = potentials.Average();
        for (int r = 0; r < potentials.Length; r++)
        {
            Assert.Equal((potentials[r] - mean) * 100 / mean, report.Territories[r].DeviationPct, 9);
        }
    }

    [Fact]
    public void Assess_PlantedOutlier_IsFlaggedAndOthersAreNot()
    {
        var report = Assess(Team(1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_500_000));

        Assert.Equal(["R4"], report.Outliers);
        Assert.Equal(1_100_000, report.Summary.MeanPotential, 6);
        Assert.Equal(1_000_000, report.Summary.MedianPotential, 6);
        Assert.Equal(50, report.Territories[4].DeviationFromMedianPct, 9);
        Assert.False(report.Adjustments.WithinTolerance);
    }

    [Fact]
    public void Assess_ManagerOwnsAccounts_OnlyRoleRepTerritoriesAreReported()
    {
        var t = Team(100, 100).Rep("M1", role: RepRole.Manager).Account("X", "M1", 5_000);

        var report = Assess(t);

        Assert.Equal(["R0", "R1"], report.Territories.Select(x => x.RepId));
        Assert.Equal(1, report.Summary.AccountsHeldOutsideTerritories);
        Assert.Empty(report.Adjustments.Moves);
    }

    [Fact]
    public void Assess_SmallMovableAccounts_AdjustmentsAppliedByTheTestBringEveryTerritoryInside()
    {
        var t = new TestData();
        double[] targets = [1_500_000, 900_000, 1_000_000, 600_000];
        for (int r = 0; r < targets.Length; r++)
        {
            t.Rep($"R{r}");
            for (int k = 0; k < targets[r] / 50_000; k++)
            {
                t.Account($"R{r}-{k}", $"R{r}", 50_000);
            }
        }

        var report = Assess(t);

        Assert.Equal(["R0", "R3"], report.Outliers);
        Assert.True(report.Adjustments.WithinTolerance);
        AssertInsideAfterApplying(t.Data, t.Scores, report.Adjustments.Moves, 10);
        // 500k over and 400k under in 50k steps: at least 8 moves are needed; the search should not need many more.
        Assert.InRange(report.Adjustments.Moves.Count, 8, 10);
    }

    [Fact]
    public void Assess_OneGoodMove_RationaleStatesTheNumbers()
    {
        var t = new TestData()
            .Rep("D").Rep("L", strengths: ["Healthcare"], home: Denver).Rep("S")
            .Account("Acme", "D", 120_000, "Healthcare", at: Denver, city: "Denver")
            .Account("D-named", "D", 1_060_000, named: true)
            .Account("L-named", "L", 850_000, named: true)
            .Account("S-named", "S", 970_000, named: true);

        var report = Assess(t);

        var move = Assert.Single(report.Adjustments.Moves);
        Assert.Equal(("Acme", "D", "L"), (move.AccountId, move.FromRepId, move.ToRepId));
        Assert.Equal(
            "Move Company Acme ($120k potential, Denver) from Rep D to Rep L: brings Rep D from +18% to +6% and Rep L from −15% to −3%; "
            + "no open pipeline; Rep L covers Healthcare; 0 km from Rep L's home base.",
            move.Rationale);
        Assert.True(report.Adjustments.WithinTolerance);
    }

    [Fact]
    public void Assess_EquivalentCandidates_PrefersNoPipelineAndReceiverStrength()
    {
        var t = new TestData()
            .Rep("D").Rep("L", strengths: ["Healthcare"])
            .Account("Piped", "D", 100_000, "Healthcare")
            .Account("Retail", "D", 100_000, "Retail")
            .Account("Clean", "D", 100_000, "Healthcare")
            .Account("D-named", "D", 1_000_000, named: true)
            .Account("L-named", "L", 900_000, named: true)
            .Opportunity("Piped", "D", 80_000);

        var report = Assess(t);

        var move = Assert.Single(report.Adjustments.Moves);
        Assert.Equal("Clean", move.AccountId);
    }

    [Fact]
    public void Assess_ProtectPipeline_NeverMovesAccountsWithOpenDeals()
    {
        var t = new TestData()
            .Rep("D").Rep("L")
            .Account("Piped", "D", 300_000)
            .Account("D-named", "D", 1_000_000, named: true)
            .Account("L-named", "L", 1_000_000, named: true)
            .Opportunity("Piped", "D", 80_000);

        var report = Assess(t, new FairnessOptions { ProtectPipeline = true });

        Assert.Empty(report.Adjustments.Moves);
        Assert.False(report.Adjustments.WithinTolerance);
        Assert.Contains("cannot move", report.Adjustments.Explanation);
    }

    [Fact]
    public void Assess_NamedAccountAboveTheBand_ExplainsWhyAndGivesBestAchievable()
    {
        var t = new TestData().Rep("D").Rep("L").Rep("S")
            .Account("Big", "D", 2_000_000, named: true);
        for (int k = 0; k < 10; k++)
        {
            t.Account($"L{k}", "L", 50_000).Account($"S{k}", "S", 50_000);
        }

        var report = Assess(t);

        Assert.False(report.Adjustments.WithinTolerance);
        Assert.StartsWith("The ±10% tolerance cannot be met", report.Adjustments.Explanation);
        Assert.Contains("Company Big", report.Adjustments.Explanation);
        Assert.DoesNotContain(report.Adjustments.Moves, m => m.AccountId == "Big");
        Assert.True(report.Adjustments.MaxAbsDeviationAfterPct <= report.Adjustments.MaxAbsDeviationBeforePct + 1e-9);
    }

    [Fact]
    public void Assess_UnassignedAccountFits_AssignsItWithEmptyFromRep()
    {
        var t = new TestData().Rep("A").Rep("B").Rep("C")
            .Account("A1", "A", 1_000_000, named: true)
            .Account("B1", "B", 1_000_000, named: true)
            .Account("C1", "C", 800_000, named: true)
            .Account("Free", null, 300_000);

        var report = Assess(t);

        Assert.Equal(["C"], report.Outliers);
        var move = Assert.Single(report.Adjustments.Moves);
        Assert.Equal(("Free", "", "C"), (move.AccountId, move.FromRepId, move.ToRepId));
        Assert.StartsWith("Assign unassigned Company Free", move.Rationale);
        Assert.True(report.Adjustments.WithinTolerance);
    }

    [Fact]
    public void Assess_LockedAccountIds_AreNeverMoved()
    {
        var t = new TestData().Rep("D").Rep("L")
            .Account("Lock", "D", 200_000)
            .Account("D-named", "D", 1_000_000, named: true)
            .Account("L-named", "L", 1_000_000, named: true);

        var report = Assess(t, new FairnessOptions { LockedAccountIds = new HashSet<string> { "Lock" } });

        Assert.Empty(report.Adjustments.Moves);
    }

    [Fact]
    public void Assess_SwapNeeded_FindsTwoMovesWhenNoSingleMoveHelps()
    {
        // D is 160k over the mean and L 160k under; D's only movable account (700k) overshoots, but
        // swapping it for L's 500k account moves a net 200k, landing both inside ±10% of 1.2M.
        var t = new TestData().Rep("D").Rep("L")
            .Account("D-big", "D", 700_000)
            .Account("D-named", "D", 660_000, named: true)
            .Account("L-mid", "L", 500_000)
            .Account("L-named", "L", 540_000, named: true);

        var report = Assess(t);

        Assert.True(report.Adjustments.WithinTolerance);
        Assert.Equal(2, report.Adjustments.Moves.Count);
        Assert.Contains("part of a swap", report.Adjustments.Moves[0].Rationale);
        AssertInsideAfterApplying(t.Data, t.Scores, report.Adjustments.Moves, 10);
    }

    [Fact]
    public void Assess_LowestPotentialWithEqualQuotas_IsTheDisadvantagedRep()
    {
        var t = new TestData();
        double[] potentials = [1_000_000, 1_100_000, 950_000, 700_000];
        for (int r = 0; r < potentials.Length; r++)
        {
            t.Rep($"R{r}", quota: 1_000_000).Account($"N{r}", $"R{r}", potentials[r], named: true);
        }

        var report = Assess(t);

        var who = Assert.IsType<DisadvantagedRep>(report.MostDisadvantaged);
        Assert.Equal("R3", who.RepId);
        Assert.Equal(DisadvantageReason.LowPotential, who.Reason);
        Assert.Contains("My territory holds $700k of potential, 25% below the team average of $938k, while Rep R1 has $1.1M.", who.Concern);
    }

    [Fact]
    public void Assess_EqualPotentialDoubleQuota_IsDisadvantagedOnQuota()
    {
        var t = new TestData();
        double[] quotas = [1_000_000, 1_000_000, 1_000_000, 2_000_000];
        for (int r = 0; r < quotas.Length; r++)
        {
            t.Rep($"R{r}", quota: quotas[r]).Account($"N{r}", $"R{r}", 1_000_000, named: true);
        }

        var report = Assess(t);

        var who = Assert.IsType<DisadvantagedRep>(report.MostDisadvantaged);
        Assert.Equal(("R3", DisadvantageReason.LowPotentialPerQuota), (who.RepId, who.Reason));
        Assert.Contains("My quota is $2M but my territory holds only $1M of potential: 0.5× quota, against 0.8× for the team.", who.Concern);
        // Team: 0.8× quota; R0–R2 sit at 1.0× (+25%), R3 at 0.5× (−38%): all four are off by more than 10%.
        Assert.Equal(["R0", "R1", "R2", "R3"], report.SeniorityQuota.RepsOffQuotaRatio);
    }

    [Fact]
    public void Assess_PerfectlyEqual_NobodyIsDisadvantaged()
    {
        Assert.Null(Assess(Team(100, 100, 100)).MostDisadvantaged);
    }

    [Fact]
    public void Assess_RevenueConcentratedInOneTerritory_FlagsOverAndUnderstatement()
    {
        var t = new TestData().Rep("R0").Rep("R1").Rep("R2")
            .Account("A0", "R0", 1_000_000, currentArr: 900_000)
            .Account("A1", "R1", 1_000_000, currentArr: 100_000)
            .Account("A2", "R2", 1_000_000, currentArr: 400_000);

        var report = Assess(t);

        var byRep = report.HistoricalRevenue.ToDictionary(h => h.RepId, h => h.Signal);
        Assert.Equal(HistoricalSignal.Overstates, byRep["R0"]);
        Assert.Equal(HistoricalSignal.Understates, byRep["R1"]);
        Assert.False(byRep.ContainsKey("R2"));
    }

    [Fact]
    public void Assess_PotentialOutsideStrengths_FlagsMismatch()
    {
        var t = new TestData().Rep("R0", strengths: ["Healthcare"]).Rep("R1", strengths: ["Retail"])
            .Account("A0", "R0", 800_000, "Retail")
            .Account("A1", "R0", 200_000, "Healthcare")
            .Account("A2", "R1", 1_000_000, "Retail");

        var report = Assess(t);

        var mismatch = Assert.Single(report.StrengthMismatches);
        Assert.Equal("R0", mismatch.RepId);
        Assert.Equal(80, mismatch.PotentialOutsideStrengthsPct, 9);
        Assert.Equal(["Retail"], mismatch.TopOutsideIndustries);
        Assert.Equal(0, report.Territories[1].PotentialOutsideStrengthsPct);
    }

    [Fact]
    public void Assess_JuniorHoldsMoreThanSenior_SeniorityDoesNotFit()
    {
        var t = new TestData().Rep("J", Seniority.Junior).Rep("S", Seniority.Senior)
            .Account("A0", "J", 2_000_000).Account("A1", "S", 1_000_000);

        var report = Assess(t);

        Assert.False(report.SeniorityQuota.PotentialRisesWithSeniority);
        Assert.Contains(report.SeniorityQuota.Findings, f => f.Contains("does not follow seniority"));
    }

    [Fact]
    public void Assess_AssignmentList_MissingAccountsAreUnassigned()
    {
        var t = Team(100, 100).Account("X", "R0", 50);

        var report = Assess(t, assignments: [new Assignment("N0", "R1"), new Assignment("N1", "R1")]);

        Assert.Equal(0, report.Territories[0].PotentialArr);
        Assert.Equal(200, report.Territories[1].PotentialArr);
        Assert.Equal(1, report.Summary.UnassignedAccounts);
    }

    [Theory]
    [InlineData("nope", "R0")]
    [InlineData("N0", "nobody")]
    public void Assess_AssignmentListWithUnknownIds_Throws(string account, string rep)
    {
        Assert.Throws<ArgumentException>(() => Assess(Team(100, 100), assignments: [new Assignment(account, rep)]));
    }

    [Fact]
    public void Assess_AssignmentListWithDuplicate_Throws()
    {
        Assert.Throws<ArgumentException>(() => Assess(Team(100, 100), assignments: [new Assignment("N0", "R0"), new Assignment("N0", "R1")]));
    }

    [Fact]
    public void Assess_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Assess(Team(100), new FairnessOptions { TolerancePct = -1 }));
    }

    /// <summary>Applies the moves to the original owners and checks every territory is inside the band, from scratch.</summary>
    internal static void AssertInsideAfterApplying(DataSet data, IReadOnlyList<AccountScore> scores, IReadOnlyList<AccountMove> moves, double tolerancePct)
    {
        var owner = data.Accounts.ToDictionary(a => a.AccountId, a => a.OwnerId);
        foreach (var m in moves)
        {
            Assert.Equal(owner[m.AccountId] ?? "", m.FromRepId);
            owner[m.AccountId] = m.ToRepId;
        }

        var potential = data.Reps.Where(r => r.Role == RepRole.Rep).ToDictionary(r => r.RepId, _ => 0.0);
        foreach (var s in scores)
        {
            if (owner[s.AccountId] is { } rep && potential.ContainsKey(rep))
            {
                potential[rep] += s.PotentialArr;
            }
        }

        double mean = potential.Values.Average();
        foreach (var (rep, p) in potential)
        {
            Assert.True(Math.Abs(p - mean) <= mean * tolerancePct / 100 * (1 + 1e-9), $"{rep} at {p} is outside ±{tolerancePct}% of {mean}");
        }
    }
}
