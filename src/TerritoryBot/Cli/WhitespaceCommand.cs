using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Whitespace;

namespace TerritoryBot.Cli;

/// <summary>`territorybot whitespace --rep REP [--data DIR] [--json]`: prioritised whitespace for one rep.</summary>
internal static class WhitespaceCommand
{
    public static Command Create()
    {
        var rep = new Option<string>("--rep") { Description = "rep_id of the rep whose whitespace to list.", Required = true };
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("whitespace", "High-fit accounts with no relationship for a rep: top 15 with fit rationale, estimated ARR, pains, persona, triggers and an outreach hypothesis.")
        {
            rep, data, json,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            var asOf = CliSupport.Today();
            return Run(dataSet, asOf, parseResult.GetValue(rep)!, parseResult.GetValue(json), output);
        }, ct));
        return command;
    }

    /// <summary>Writes the whitespace report of <paramref name="repId"/>; an unknown rep or a non-rep is bad input.</summary>
    public static int Run(DataSet data, DateOnly asOf, string repId, bool json, TextWriter output)
    {
        var rep = data.Reps.FirstOrDefault(r => r.RepId == repId)
                  ?? throw new BadInputException($"--rep: no rep '{repId}' in the data (rep ids are case-sensitive).");
        if (!rep.CarriesTerritory)
        {
            throw new BadInputException($"--rep: '{repId}' is a {rep.Role.ToString().ToLowerInvariant()}, not a rep with a territory.");
        }

        var report = WhitespaceEngine.ForRep(ScoringEngine.Score(data, asOf), repId);
        if (json)
        {
            CliSupport.WriteJson(output, report);
            return CliSupport.Ok;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"Whitespace for {report.RepName} ({report.RepId}) — {report.ScopeRule}.");
        output.WriteLine(report.Sentence);
        output.WriteLine(string.Format(c, "{0:N0} whitespace accounts ({1:N0} owned, {2:N0} unassigned), potential {3}.",
            report.WhitespaceAccounts, report.OwnedWhitespace, report.UnassignedWhitespace, Format.Money(report.WhitespacePotentialArr)));
        output.WriteLine();
        new ColumnTable("#", "Account", "Name", "Industry", "Fit", "Opp", "Est. ARR (p25–p75)", "Persona", "Triggers")
            .AddRange(report.Top.Select(x => new[]
            {
                x.Rank.ToString(c), x.AccountId, x.Name, x.Industry, x.IcpFit.ToString(c), x.OpportunityScore.ToString("0", c),
                $"{Format.Money(x.EstimatedArr)} ({Format.Money(x.EstimatedArrLow)}–{Format.Money(x.EstimatedArrHigh)})",
                x.EntryPersona, string.Join("; ", x.TriggerSignals),
            }))
            .Write(output);
        foreach (var x in report.Top)
        {
            output.WriteLine();
            output.WriteLine($"{x.Rank}. {x.Name} ({x.AccountId}){(x.Owned ? "" : ", unassigned")}");
            output.WriteLine($"   fit: {string.Join("; ", x.FitRationale)}");
            output.WriteLine($"   pains: {string.Join("; ", x.Pains)}");
            output.WriteLine($"   hypothesis: {x.OutreachHypothesis}");
        }

        return CliSupport.Ok;
    }
}
