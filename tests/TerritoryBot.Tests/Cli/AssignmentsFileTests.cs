using TerritoryBot.Cli;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Cli;

public sealed class AssignmentsFileTests
{
    private static readonly DataSet Data = new(
        [
            new Account { AccountId = "A1", Name = "One", Industry = "Software", Employees = 10 },
            new Account { AccountId = "A2", Name = "Two", Industry = "Software", Employees = 10 },
            new Account { AccountId = "A,3", Name = "Three", Industry = "Software", Employees = 10 },
        ],
        [
            new Rep { RepId = "R1", Name = "Rep One" },
            new Rep { RepId = "R2", Name = "Rep Two" },
            new Rep { RepId = "M1", Name = "Boss", Role = RepRole.Manager },
        ],
        [],
        IcpProfile.Default);

    private static IReadOnlyList<Assignment> Parse(string csv) => AssignmentsFile.Parse(new StringReader(csv), "plan.csv", Data);

    [Fact]
    public void Parse_ValidFile_ReadsRowsAndSkipsBlankRepIds()
    {
        var list = Parse("\uFEFFRep_ID,Account_ID,note\r\nR1,A1,x\r\n\r\n,A2,left alone\r\nR2,\"A,3\",\"quoted, with comma\"\r\n");

        Assert.Equal([new Assignment("A1", "R1"), new Assignment("A,3", "R2")], list);
    }

    [Theory]
    [InlineData("account_id,rep_id\nA9,R1\n", "plan.csv:2: account_id: unknown account 'A9'")]
    [InlineData("account_id,rep_id\nA1,R9\n", "plan.csv:2: rep_id: unknown rep 'R9'")]
    [InlineData("account_id,rep_id\nA1,M1\n", "plan.csv:2: rep_id: 'M1' has role manager; only reps carry territories")]
    [InlineData("account_id,rep_id\nA1,R1\nA2,R1\nA1,R2\n", "plan.csv:4: account_id: 'A1' is already assigned on line 2")]
    [InlineData("account_id,rep_id\n,R1\n", "plan.csv:2: account_id: empty")]
    [InlineData("account_id,rep_id\nA1\n", "plan.csv:2: rep_id: missing (the row has 1 field)")]
    [InlineData("account_id,rep_id\nA1,\"R1\n", "plan.csv:2: row: quoted field is not closed")]
    [InlineData("account_id,rep_id\nA\"1,R1\n", "plan.csv:2: row: stray quote inside an unquoted field")]
    [InlineData("account_id,rep_id\n\"A1\"x,R1\n", "plan.csv:2: row: text after a closing quote")]
    [InlineData("account,rep_id\nA1,R1\n", "plan.csv:1: account_id: required column is missing from the header")]
    [InlineData("", "plan.csv:1: header: the file is empty; expected columns account_id, rep_id")]
    public void Parse_BadRow_ReportsFileLineColumnReason(string csv, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => Parse(csv));

        Assert.Contains(expected, e.Errors);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneWithItsLine()
    {
        var e = Assert.Throws<BadInputException>(() => Parse("account_id,rep_id\nA1,R1\n\"multi\nline\",R1\nA2,R7\n"));

        Assert.Equal(["plan.csv:3: account_id: unknown account 'multi\nline'", "plan.csv:5: rep_id: unknown rep 'R7'"], e.Errors);
    }

    [Theory]
    [InlineData("account_id,rep_id\n\"A,3\",R1\n", "A,3", "R1")]
    [InlineData("account_id,note,rep_id\r\nA1,\"one, two, three\",R2\r\n", "A1", "R2")]
    [InlineData("account_id,note,rep_id\nA2,\"she said \"\"move it\"\", twice\",R1\n", "A2", "R1")]
    [InlineData("account_id,note,rep_id\nA1,\"two\nlines\",R1\n", "A1", "R1")]
    [InlineData("account_id,rep_id\n  A1  ,\" R2 \"\n", "A1", "R2")]
    public void Parse_QuotedFields_ReadAsRfc4180(string csv, string account, string rep)
    {
        Assert.Equal([new Assignment(account, rep)], Parse(csv));
    }

    [Fact]
    public void Parse_MalformedQuoteThenGoodRows_ReportsOnlyTheBadRowWithItsLine()
    {
        var e = Assert.Throws<BadInputException>(() => Parse("account_id,rep_id\nA1,R1\nA2,R\"2\n\"A,3\",R2\n"));

        Assert.Equal(["plan.csv:3: row: stray quote inside an unquoted field"], e.Errors);
    }

    [Fact]
    public void Parse_QuotingProblemInHeader_IsReportedOnLineOne()
    {
        var e = Assert.Throws<BadInputException>(() => Parse("account_id,\"rep_id\"x\nA1,R1\n"));

        Assert.Equal(["plan.csv:1: row: text after a closing quote"], e.Errors);
    }

    [Fact]
    public void Parse_ManyBadRows_StopsAtFiftyErrors()
    {
        var csv = "account_id,rep_id\n" + string.Concat(Enumerable.Range(0, 80).Select(i => $"X{i},R1\n"));

        var e = Assert.Throws<BadInputException>(() => Parse(csv));

        Assert.Equal(51, e.Errors.Count);
        Assert.Equal("plan.csv:2: account_id: unknown account 'X0'", e.Errors[0]);
        Assert.Equal("plan.csv: more errors not shown", e.Errors[^1]);
    }

    [Fact]
    public void Read_FileWithBomAndCrlf_ReadsLikeText()
    {
        string path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes("account_id,rep_id\r\nA1,R1\r\n\"A,3\",\r\n")]);
        try
        {
            Assert.Equal([new Assignment("A1", "R1")], AssignmentsFile.Read(new FileInfo(path), Data));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_IsBadInput()
    {
        var e = Assert.Throws<BadInputException>(() => AssignmentsFile.Read(new FileInfo("/nonexistent/plan.csv"), Data));

        Assert.EndsWith("plan.csv: file not found", e.Message);
    }
}
