using System.Text;
using CsvHelper;
using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Cli;

/// <summary>
/// An uploaded assignment: a CSV with columns account_id and rep_id (header names case-insensitive,
/// extra columns ignored). Accounts missing from the file are unassigned; an empty rep_id leaves that
/// account unassigned too. Read through the shared CSV reader (<see cref="CsvRecords"/>, as the data folders are);
/// every problem is reported as <c>file:line: column: reason</c>, at most 50.
/// </summary>
internal static class AssignmentsFile
{
    private const int MaxErrors = 50;

    public static IReadOnlyList<Assignment> Read(FileInfo file, DataSet data)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Exists)
        {
            throw new BadInputException($"{file.FullName}: file not found");
        }

        using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, file.Name, data);
    }

    public static IReadOnlyList<Assignment> Parse(TextReader reader, string fileName, DataSet data)
    {
        var errors = new List<string>();
        using var records = CsvRecords.FromReader(reader);
        try
        {
            var result = Parse(records, fileName, data, errors);
            if (errors.Count == 0)
            {
                return result;
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add($"{fileName}:{Math.Max(1, e.LineNumber)}: row: {CsvRecords.Problem(e)}; the rest of the file was not read");
        }

        if (errors.Count > MaxErrors)
        {
            errors[MaxErrors] = $"{fileName}: more errors not shown";
            errors.RemoveRange(MaxErrors + 1, errors.Count - MaxErrors - 1);
        }

        throw new BadInputException(errors);
    }

    private static List<Assignment> Parse(CsvRecords records, string fileName, DataSet data, List<string> errors)
    {
        var header = records.ReadHeader();
        if (header.Count == 0)
        {
            throw new BadInputException($"{fileName}:1: header: the file is empty; expected columns account_id, rep_id");
        }

        if (records.Malformed is { } headerProblem)
        {
            throw new BadInputException($"{fileName}:{records.Line}: row: {QuotingProblem(headerProblem)}");
        }

        var names = header.Select(h => h.Trim()).ToList();
        int accountColumn = names.FindIndex(h => string.Equals(h, "account_id", StringComparison.OrdinalIgnoreCase));
        int repColumn = names.FindIndex(h => string.Equals(h, "rep_id", StringComparison.OrdinalIgnoreCase));
        if (accountColumn < 0 || repColumn < 0)
        {
            var missing = new[] { accountColumn < 0 ? "account_id" : null, repColumn < 0 ? "rep_id" : null }.OfType<string>();
            throw new BadInputException(missing.Select(c => $"{fileName}:{records.Line}: {c}: required column is missing from the header").ToArray());
        }

        var accounts = data.Accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        var seenOn = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new List<Assignment>();
        while (errors.Count <= MaxErrors && records.Read())
        {
            long line = records.Line;
            if (records.Malformed is { } problem)
            {
                // The reader recovered some text, but not necessarily what was meant: the row is reported and dropped.
                errors.Add($"{fileName}:{line}: row: {QuotingProblem(problem)}");
                continue;
            }

            int fieldCount = records.FieldCount;
            if (fieldCount == 1 && records.IsEmpty(0))
            {
                continue; // a line of blanks
            }

            if (fieldCount <= Math.Max(accountColumn, repColumn))
            {
                errors.Add($"{fileName}:{line}: {(fieldCount <= accountColumn ? "account_id" : "rep_id")}: missing (the row has {fieldCount} field{(fieldCount == 1 ? "" : "s")})");
                continue;
            }

            string accountId = records.Text(accountColumn).Trim();
            string repId = records.Text(repColumn).Trim();
            bool ok = true;
            if (accountId.Length == 0)
            {
                errors.Add($"{fileName}:{line}: account_id: empty");
                ok = false;
            }
            else if (!accounts.Contains(accountId))
            {
                errors.Add($"{fileName}:{line}: account_id: unknown account '{accountId}'");
                ok = false;
            }
            else if (seenOn.TryGetValue(accountId, out long first))
            {
                errors.Add($"{fileName}:{line}: account_id: '{accountId}' is already assigned on line {first}");
                ok = false;
            }
            else
            {
                seenOn[accountId] = line;
            }

            if (repId.Length > 0)
            {
                if (!reps.TryGetValue(repId, out var rep))
                {
                    errors.Add($"{fileName}:{line}: rep_id: unknown rep '{repId}'");
                    ok = false;
                }
                else if (!rep.CarriesTerritory)
                {
                    errors.Add($"{fileName}:{line}: rep_id: '{repId}' has role {rep.Role.ToString().ToLowerInvariant()}; only reps carry territories");
                    ok = false;
                }
            }

            if (ok && repId.Length > 0)
            {
                result.Add(new Assignment(accountId, repId));
            }
        }

        return result;
    }

    private static string QuotingProblem(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "quoted field is not closed",
        _ => reason.ToString(),
    };
}
