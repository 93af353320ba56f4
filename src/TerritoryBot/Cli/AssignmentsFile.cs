using System.Text;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Cli;

/// <summary>
/// An uploaded assignment: a CSV with columns account_id and rep_id (header names case-insensitive,
/// extra columns ignored). Accounts missing from the file are unassigned; an empty rep_id leaves that
/// account unassigned too. Every problem is reported as <c>file:line: column: reason</c>.
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
        var records = Records(reader.ReadToEnd(), fileName, errors).ToList();
        if (records.Count == 0)
        {
            throw new BadInputException(errors.Count > 0 ? errors : [$"{fileName}:1: header: the file is empty; expected columns account_id, rep_id"]);
        }

        var header = records[0].Fields;
        int accountColumn = header.FindIndex(h => string.Equals(h.Trim(), "account_id", StringComparison.OrdinalIgnoreCase));
        int repColumn = header.FindIndex(h => string.Equals(h.Trim(), "rep_id", StringComparison.OrdinalIgnoreCase));
        if (accountColumn < 0 || repColumn < 0)
        {
            var missing = new[] { accountColumn < 0 ? "account_id" : null, repColumn < 0 ? "rep_id" : null }.OfType<string>();
            throw new BadInputException(missing.Select(c => $"{fileName}:{records[0].Line}: {c}: required column is missing from the header").ToArray());
        }

        var accounts = data.Accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        var seenOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Assignment>();
        foreach (var (line, record) in records.Skip(1))
        {
            if (record.Count <= Math.Max(accountColumn, repColumn))
            {
                errors.Add($"{fileName}:{line}: {(record.Count <= accountColumn ? "account_id" : "rep_id")}: missing (the row has {record.Count} field{(record.Count == 1 ? "" : "s")})");
                continue;
            }

            string accountId = record[accountColumn].Trim();
            string repId = record[repColumn].Trim();
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
            else if (seenOn.TryGetValue(accountId, out int first))
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

            if (errors.Count > MaxErrors)
            {
                break;
            }
        }

        if (errors.Count > 0)
        {
            if (errors.Count > MaxErrors)
            {
                errors[MaxErrors] = $"{fileName}: more errors not shown";
                errors.RemoveRange(MaxErrors + 1, errors.Count - MaxErrors - 1);
            }

            throw new BadInputException(errors);
        }

        return result;
    }

    /// <summary>
    /// RFC 4180 records with the line each starts on; blank lines are skipped. A quote inside an unquoted
    /// field, text after a closing quote or an unterminated quoted field is reported and the record dropped.
    /// </summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text, string fileName, List<string> errors)
    {
        int i = 0, line = 1;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        while (i < text.Length)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool bad = false, endOfRecord = false;
            while (!endOfRecord)
            {
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            errors.Add($"{fileName}:{start}: row: quoted field is not closed");
                            bad = true;
                            break;
                        }

                        char c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"')
                            {
                                field.Append('"');
                                i++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    if (!bad && i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        errors.Add($"{fileName}:{line}: row: text after a closing quote");
                        bad = true;
                    }
                }

                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"' && !bad)
                    {
                        errors.Add($"{fileName}:{line}: row: stray quote inside an unquoted field");
                        bad = true;
                    }

                    field.Append(text[i++]);
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                endOfRecord = true;
                if (i < text.Length && text[i] == '\r')
                {
                    i++;
                }

                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                    line++;
                }
            }

            bool blank = fields.Count == 1 && fields[0].Trim().Length == 0;
            if (!bad && !blank)
            {
                yield return (start, fields);
            }
        }
    }
}
