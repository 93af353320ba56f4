using System.Text;

namespace TerritoryBot.Tests.Import;

/// <summary>A data folder in a temp directory: a small valid default that tests change cell by cell.</summary>
internal sealed class TestFolder : IDisposable
{
    private readonly Dictionary<string, (List<string> Header, List<List<string>> Rows)> _tables = new()
    {
        ["reps.csv"] = (
            ["rep_id", "name", "email", "role", "manager_id", "seniority", "quota", "capacity", "ramping", "home_latitude", "home_longitude", "region", "industry_strengths", "slack_user_id", "teams_aad_object_id"],
            [
                ["M1", "Maria Manager", "maria@example.com", "manager", "", "senior", "", "", "", "", "", "East", "", "U0M1", "aad-m1"],
                ["R1", "Ravi Rep", "ravi@example.com", "rep", "M1", "senior", "900000", "120", "no", "40.71", "-74.01", "East", "Software;Retail", "U0R1", "aad-r1"],
                ["R2", "Rosa Rep", "rosa@example.com", "rep", "M1", "junior", "500000", "80", "yes", "41.88", "-87.63", "Central", "", "U0R2", ""],
            ]),
        ["accounts.csv"] = (
            ["account_id", "name", "industry", "employees", "annual_revenue", "country", "region", "city", "postal_code", "latitude", "longitude", "tech_stack", "growth_rate", "funding_stage", "intent_score", "is_customer", "current_arr", "current_tier", "owner_id", "named_account", "last_activity_date", "relationship_notes"],
            [
                ["A1", "Acme Analytics", "Software", "1200", "250000000", "US", "NY", "New York", "10001", "40.75", "-73.99", "Snowflake;Salesforce", "0.15", "Series C", "72", "true", "120000", "Enterprise", "R1", "true", "2024-05-01", "Champion is the CFO"],
                ["A2", "Beta Bank", "Financial Services", "5000", "", "US", "IL", "Chicago", "60601", "41.88", "-87.62", "", "", "Public", "", "no", "", "Strategic", "R2", "", "", ""],
                ["A3", "Gamma Goods", "Retail", "40", "", "", "", "", "", "", "", "", "-0.05", "", "10", "", "", "", "", "", "", ""],
            ]),
        ["opportunities.csv"] = (
            ["opportunity_id", "account_id", "owner_id", "amount", "stage", "created_date", "close_date", "last_activity_date", "notes"],
            [
                ["O1", "A1", "R1", "60000", "Closed Won", "2024-01-10", "2024-03-31", "2024-03-31", "Renewal"],
                ["O2", "A2", "R2", "80000", "Discovery", "2024-04-01", "", "2024-05-02", ""],
            ]),
    };

    public TestFolder()
    {
        Path = Directory.CreateTempSubdirectory("tb-data-").FullName;
        WriteAll();
    }

    public string Path { get; }

    /// <summary>Sets one cell (data row 0 is line 2) and rewrites the file.</summary>
    public TestFolder Set(string file, int row, string column, string value)
    {
        var (header, rows) = _tables[file];
        var index = header.IndexOf(column);
        if (index < 0)
        {
            header.Add(column);
            rows.ForEach(r => r.Add(""));
            index = header.Count - 1;
        }

        rows[row][index] = value;
        return Write(file);
    }

    public TestFolder AddRow(string file, params string[] cells)
    {
        var (header, rows) = _tables[file];
        rows.Add([.. cells, .. Enumerable.Repeat("", Math.Max(0, header.Count - cells.Length))]);
        return Write(file);
    }

    public TestFolder RemoveColumn(string file, string column)
    {
        var (header, rows) = _tables[file];
        var index = header.IndexOf(column);
        header.RemoveAt(index);
        rows.ForEach(r => r.RemoveAt(index));
        return Write(file);
    }

    public TestFolder ClearRows(string file)
    {
        _tables[file].Rows.Clear();
        return Write(file);
    }

    public TestFolder WriteText(string file, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), text, new UTF8Encoding(false));
        return this;
    }

    public TestFolder WriteBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, file), bytes);
        return this;
    }

    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private TestFolder Write(string file)
    {
        var (header, rows) = _tables[file];
        return WriteText(file, Render(header, rows));
    }

    private void WriteAll()
    {
        foreach (var file in _tables.Keys)
        {
            Write(file);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
