using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Data;
using TerritoryBot.Import.Geocoding;
using Format = TerritoryBot.Core.Planning.Format;

namespace TerritoryBot.Cli;

/// <summary>`territorybot score [--data DIR] [--json]`: scores and tiers every account.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("score", "Score and tier every account: ICP fit, opportunity score, potential ARR, tier, status, priority, whitespace.") { data, json };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var dir = parseResult.GetValue(data);
            var dataSet = await DataSource.LoadAsync(dir, token);
            var asOf = CliSupport.Today();
            // Scores are not stored: every surface scores the data it reads (docs/scoring.md says why).
            Write(dataSet, ScoringEngine.Score(dataSet, asOf), parseResult.GetValue(json), output);
            return CliSupport.Ok;
        }, ct));
        return command;
    }

    /// <summary>Scores <paramref name="data"/> and writes the JSON document or the tables.</summary>
    public static int Run(DataSet data, DateOnly asOf, bool json, TextWriter output)
    {
        Write(data, ScoringEngine.Score(data, asOf), json, output);
        return CliSupport.Ok;
    }

    private static void Write(DataSet data, ScoringResult result, bool json, TextWriter output)
    {
        if (json)
        {
            CliSupport.WriteJson(output, ToJson(data, result));
        }
        else
        {
            WriteTables(result, output);
        }
    }

    internal static ScoreDocument ToJson(DataSet data, ScoringResult result)
    {
        var accounts = new List<AccountJson>(result.Accounts.Count);
        for (int i = 0; i < result.Accounts.Count; i++)
        {
            var s = result.Accounts[i];
            var a = data.Accounts[i];
            var e = result.Explain(i);
            accounts.Add(new AccountJson(s.AccountId, a.Name, s.IcpFit, Math.Round(s.FitScore, 4), s.OpportunityScore, Math.Round(s.PotentialArr),
                Math.Round(s.PotentialLow), Math.Round(s.PotentialHigh), s.PotentialMethod, s.Tier, a.CurrentTier, s.Status, s.Priority, s.Whitespace,
                a.Location?.Latitude, a.Location?.Longitude, ImportGeocoding.Name(a.LocationSource),
                e.Fit.Select(d => new FitJson(d.Dimension, Math.Round(d.SubScore, 4), d.Weight, d.Reason)).ToList(),
                e.Potential.Comparables.Select(c => new ComparableJson(c.AccountId, c.Name, c.CurrentArr, Math.Round(c.ScaledArr), Math.Round(c.Similarity, 4))).ToList(),
                e.Potential.Explanation));
        }

        return new ScoreDocument(result.AsOf, accounts, SummaryJson.From(result))
        {
            // Each industry label of the data as scoring read it; unmatched labels are the ones to add to icp.json industrySynonyms.
            Industries = [.. Import.IndustryTable.Labels(data).Select(l => new IndustryJson(l.Match.Label, l.Match.Industry, l.Match.Kind, l.Match.IsTarget, l.Accounts))],
        };
    }

    private static void WriteTables(ScoringResult result, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        var s = result.Summary;
        o.WriteLine(string.Format(c, "Scored {0:N0} accounts as of {1:yyyy-MM-dd}: total potential {2}, current ARR {3} from {4:N0} customers.",
            s.Accounts, result.AsOf, Format.Money(s.TotalPotentialArr), Format.Money(s.TotalCurrentArr), s.Customers));
        o.WriteLine($"Concentration: {s.Concentration.Sentence} (Gini {s.Concentration.Gini.ToString("0.00", c)}).");
        o.WriteLine(string.Format(c, "Potential from comparable customers for {0:N0} accounts, fallback (average ACV × size × fit) for {1:N0}.",
            s.ComparablesEstimates, s.FallbackEstimates));
        o.WriteLine($"Size elasticity: {result.Elasticity.Describe()}.");
        var t = result.Thresholds;
        o.WriteLine(string.Format(c, "Tier thresholds{0}: Strategic ≥ {1}, Enterprise ≥ {2}, Commercial ≥ {3}; fit ≤ {4} moves one tier down.",
            t.FromDistribution ? " (from the distribution)" : "", Format.Money(t.Strategic), Format.Money(t.Enterprise), Format.Money(t.Commercial), t.DemoteAtOrBelowFit));
        o.WriteLine(string.Format(c, "Whitespace: {0:N0} high-fit accounts with no relationship.", s.WhitespaceAccounts));
        o.WriteLine();
        Segments(o, "Tier", s.ByTier);
        Segments(o, "Industry", s.ByIndustry.Take(12).ToList());
        Segments(o, "Region", s.ByRegion.Take(12).ToList());
        Segments(o, "Status", s.ByStatus);

        o.WriteLine($"Top {s.TopAccounts.Count} accounts by potential");
        new ColumnTable("#", "Account", "Name", "Industry", "Tier", "Status", "Fit", "Potential", "Coverage")
            .AddRange(s.TopAccounts.Select(a => new[] { a.Rank.ToString(c), a.AccountId, a.Name, a.Industry, a.Tier.ToString(), a.Status.ToString(), a.IcpFit.ToString(c), Format.Money(a.PotentialArr), a.CoverageApproach }))
            .Write(o);
        o.WriteLine();
        o.WriteLine(string.Format(c, "Misclassified: {0:N0} accounts whose current tier disagrees with their potential (largest gaps first)", s.MisclassifiedCount));
        new ColumnTable("Account", "Name", "Move", "Potential", "Fit", "Rationale")
            .AddRange(s.Misclassified.Take(20).Select(m => new[] { m.AccountId, m.Name, m.Move, Format.Money(m.PotentialArr), m.IcpFit.ToString(c), m.Rationale }))
            .Write(o);
        o.WriteLine();
        o.WriteLine("Every account with its fit breakdown and comparables: territorybot score --json");
    }

    private static void Segments(TextWriter o, string title, IReadOnlyList<SegmentTotal> segments)
    {
        new ColumnTable(title, "Accounts", "Potential", "Share", "Current ARR")
            .AddRange(segments.Select(x => new[] { x.Name, x.Accounts.ToString("N0", CultureInfo.InvariantCulture), Format.Money(x.PotentialArr), x.ShareOfPotential.ToString("0.0%", CultureInfo.InvariantCulture), Format.Money(x.CurrentArr) }))
            .Write(o);
        o.WriteLine();
    }

    internal sealed record ScoreDocument(DateOnly AsOf, IReadOnlyList<AccountJson> Accounts, SummaryJson Summary)
    {
        public IReadOnlyList<IndustryJson> Industries { get; init; } = [];
    }

    /// <summary>One industry label of the data: what scoring read it as, how, whether it is an ICP target industry, on how many accounts.</summary>
    internal sealed record IndustryJson(string Label, string Industry, IndustryMatchKind Match, bool IsTarget, int Accounts);

    internal sealed record AccountJson(
        string AccountId, string Name, int IcpFit, double FitScore, double OpportunityScore, double PotentialArr, double PotentialLow, double PotentialHigh,
        PotentialMethod PotentialMethod, Tier Tier, Tier? CurrentTier, AccountStatus Status, Priority Priority, bool Whitespace,
        double? Latitude, double? Longitude, string LocationSource,
        IReadOnlyList<FitJson> Fit, IReadOnlyList<ComparableJson> Comparables, string PotentialExplanation);

    internal sealed record FitJson(FitDimension Dimension, double SubScore, double Weight, string Reason);

    internal sealed record ComparableJson(string AccountId, string Name, double CurrentArr, double ScaledArr, double Similarity);

    internal sealed record SummaryJson(
        int Accounts, int Customers, double TotalPotentialArr, double TotalCurrentArr, int ComparablesEstimates, int FallbackEstimates,
        int WhitespaceAccounts, Concentration Concentration, IReadOnlyList<SegmentTotal> ByTier, IReadOnlyList<SegmentTotal> ByIndustry,
        IReadOnlyList<SegmentTotal> ByRegion, IReadOnlyList<SegmentTotal> ByStatus, IReadOnlyList<TopAccount> TopAccounts,
        int MisclassifiedCount, IReadOnlyList<MisclassifiedAccount> Misclassified, SizeElasticity Elasticity, string ElasticityDescription,
        Core.Tiering.TierThresholds Thresholds)
    {
        public static SummaryJson From(ScoringResult r)
        {
            var s = r.Summary;
            return new(s.Accounts, s.Customers, s.TotalPotentialArr, s.TotalCurrentArr, s.ComparablesEstimates, s.FallbackEstimates,
                s.WhitespaceAccounts, s.Concentration, s.ByTier, s.ByIndustry, s.ByRegion, s.ByStatus, s.TopAccounts,
                s.MisclassifiedCount, s.Misclassified, r.Elasticity, r.Elasticity.Describe(), r.Thresholds);
        }
    }
}
