using TerritoryBot.Cli;
using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Cli;

/// <summary>The one CLI table style: header, dashed rule, two-space gaps, text left, numbers right.</summary>
public sealed class ColumnTableTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Fact]
    public void Write_TextAndNumberColumns_TextLeftNumbersRight()
    {
        var output = new StringWriter();

        new ColumnTable("Rep", "Potential", "vs mean", "Note")
            .Add("R1", "$1.25M", "+12.0%", "over")
            .Add("R22", "$950", "−3.0%", "")
            .Write(output);

        Assert.Equal(
            "Rep  Potential  vs mean  Note\n" +
            "---  ---------  -------  ----\n" +
            "R1      $1.25M   +12.0%  over\n" +
            "R22       $950    −3.0%\n",
            output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("")]
    public void Write_PlaceholderInNumberColumn_ColumnStaysRightAligned(string placeholder)
    {
        var output = new StringWriter();

        new ColumnTable("Id", "Coverage").Add("a", "1.5x thin").Add("b", placeholder).Add("c", "12.0x").Write(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("a   1.5x thin", lines[2]);
        Assert.Equal("c       12.0x", lines[4]);
    }

    [Fact]
    public void Write_TextColumnWithSomeFigures_LeftAligned()
    {
        var output = new StringWriter();

        new ColumnTable("Name", "N").Add("3M Company", "1").Add("Acme", "22").Write(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Name         N", "----------  --", "3M Company   1", "Acme        22"], lines);
    }

    [Theory]
    [InlineData("score")]
    [InlineData("whitespace")]
    [InlineData("fit")]
    [InlineData("design")]
    [InlineData("gaps")]
    [InlineData("fairness")]
    public void HumanOutput_EveryTable_HasTheHouseStyle(string command)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, 150, 4, 11)).Data;
        var output = new StringWriter();
        Run(command, data, json: false, output);

        var tables = Tables(output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

        Assert.NotEmpty(tables);
        foreach (var (header, columns, rows) in tables)
        {
            Assert.True(char.IsUpper(header.TrimStart()[0]) || header.TrimStart()[0] == '#', $"{command}: header '{header}' is not capitalised");
            Assert.NotEmpty(rows);
            foreach (var (start, end) in columns)
            {
                var cells = rows.Select(r => Cell(r, start, end)).ToList();
                var figures = cells.Where(c => c is not ("" or "-" or "n/a")).ToList();
                bool numeric = figures.Count > 0 && figures.All(c => char.IsAsciiDigit(c.TrimStart('+', '-', '−', '$').FirstOrDefault()) || c.StartsWith('∞'));
                if (numeric)
                {
                    // Right-aligned: every cell ends at the column's right edge.
                    Assert.All(rows.Where(r => Cell(r, start, end).Length > 0), r => Assert.NotEqual(' ', r.PadRight(end)[end - 1]));
                }
            }
        }
    }

    [Theory]
    [InlineData("score")]
    [InlineData("fit")]
    [InlineData("design")]
    [InlineData("gaps")]
    [InlineData("fairness")]
    public void JsonOutput_HasNoTable(string command)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, 60, 3, 11)).Data;
        var output = new StringWriter();
        Run(command, data, json: true, output);

        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.DoesNotContain("\n---", output.ToString(), StringComparison.Ordinal);
    }

    private static void Run(string command, DataSet data, bool json, TextWriter output)
    {
        string rep = data.Reps.First(r => r.CarriesTerritory).RepId;
        switch (command)
        {
            case "score": ScoreCommand.Run(data, AsOf, json, output); break;
            case "whitespace": WhitespaceCommand.Run(data, AsOf, rep, json, output); break;
            case "fit": FitCommand.Run(data, AsOf, json, output); break;
            case "design": DesignCommand.Run(data, new DesignRequest(null, null, false, json), AsOf, output); break;
            case "gaps": GapsCommand.Write(data, CoverageOptions.Default, AsOf, json, output); break;
            case "fairness": FairnessCommand.Write(data, null, null, FairnessOptions.Default, AsOf, json, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    private static string Cell(string row, int start, int end) =>
        row.Length <= start ? "" : row.Substring(start, Math.Min(end, row.Length) - start).Trim();

    /// <summary>Each table in the text: its header line, the column spans its dashed rule marks, and its rows.</summary>
    private static List<(string Header, List<(int Start, int End)> Columns, List<string> Rows)> Tables(string[] lines)
    {
        var tables = new List<(string, List<(int, int)>, List<string>)>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(lines[i], "^-+(  -+)*$"))
            {
                continue;
            }

            var columns = System.Text.RegularExpressions.Regex.Matches(lines[i], "-+").Select(m => (m.Index, m.Index + m.Length)).ToList();
            // A row has the two-space gaps of the rule wherever it reaches (trailing empty cells are trimmed).
            var rows = lines.Skip(i + 1).TakeWhile(l => l.Length > 0 && l.Length <= lines[i].Length
                && columns.SkipLast(1).All(c => l.Length <= c.Item2 || (l[c.Item2] == ' ' && l[c.Item2 + 1] == ' '))).ToList();
            tables.Add((lines[i - 1], columns, rows));
        }

        return tables;
    }
}
