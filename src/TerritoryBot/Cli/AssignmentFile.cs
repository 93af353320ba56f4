using System.Text;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Cli;

/// <summary>Reads an account → owner CSV (columns account_id, rep_id; RFC 4180) and checks it against the data set.</summary>
internal static class AssignmentFile
{
    public static IReadOnlyList<Assignment> Read(FileInfo file, DataSet data)
    {
        if (!file.Exists)
        {
            throw new BadInputException($"{file.FullName}: file not found.");
        }

        using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, file.Name, data);
    }

    internal static IReadOnlyList<Assignment> Read(TextReader reader, string fileName, DataSet data)
    {
        var accounts = data.Accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var reps = new Dictionary<string, Rep>(StringComparer.Ordinal);
        foreach (var r in data.Reps)
        {
            reps.TryAdd(r.RepId, r);
        }

        var records = Records(reader, fileName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new BadInputException($"{fileName}: empty file; expected the header account_id,rep_id.");
        }

        var header = records.Current.Fields;
        int accountColumn = header.FindIndex(h => h.Trim().Equals("account_id", StringComparison.OrdinalIgnoreCase));
        int repColumn = header.FindIndex(h => h.Trim().Equals("rep_id", StringComparison.OrdinalIgnoreCase));
        if (accountColumn < 0 || repColumn < 0)
        {
            throw new BadInputException($"{fileName}:1: the header needs the columns account_id and rep_id.");
        }

        var errors = new List<string>();
        var result = new List<Assignment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            string account = accountColumn < fields.Count ? fields[accountColumn].Trim() : "";
            string rep = repColumn < fields.Count ? fields[repColumn].Trim() : "";
            if (!accounts.Contains(account))
            {
                errors.Add($"{fileName}:{line}: account_id: unknown account '{account}'.");
            }
            else if (!seen.Add(account))
            {
                errors.Add($"{fileName}:{line}: account_id: '{account}' is assigned twice.");
            }

            if (!reps.TryGetValue(rep, out var owner))
            {
                errors.Add($"{fileName}:{line}: rep_id: unknown rep '{rep}'.");
            }
            else if (!owner.CarriesTerritory)
            {
                errors.Add($"{fileName}:{line}: rep_id: '{rep}' has role {owner.Role.ToString().ToLowerInvariant()}; only reps carry territories.");
            }

            result.Add(new Assignment(account, rep));
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(errors);
        }

        return result;
    }

    /// <summary>RFC 4180 records with the line each starts on (quoted fields may span lines).</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader, string fileName)
    {
        int line = 1;
        int c;
        while (reader.Peek() >= 0)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, wasQuoted = false;
            while ((c = reader.Read()) >= 0)
            {
                char ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        line += ch == '\n' ? 1 : 0;
                        field.Append(ch);
                    }
                }
                else if (ch == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (ch == '\n')
                {
                    line++;
                    break;
                }
                else if (ch != '\r')
                {
                    field.Append(ch);
                }
            }

            if (quoted)
            {
                throw new BadInputException($"{fileName}:{start}: unterminated quoted field.");
            }

            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
