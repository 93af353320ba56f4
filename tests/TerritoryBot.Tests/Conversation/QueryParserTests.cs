using TerritoryBot.Conversation;
using TerritoryBot.Core.Query;
using Xunit.Abstractions;

namespace TerritoryBot.Tests.Conversation;

public sealed class QueryParserTests(QuestionSetFixture fixture, ITestOutputHelper output) : IClassFixture<QuestionSetFixture>
{
    private ParsedQuestion Parse(string text)
    {
        var vocabulary = fixture.Harness.Workspace.Vocabulary;
        return QueryParser.Parse(text, vocabulary.Query, vocabulary.AsOf, [.. vocabulary.RepIds.Values]);
    }

    [Theory]
    [InlineData("how much pipeline do i have in proposal stage")]
    public void Parse_Debug_Prints(string text)
    {
        var q = Parse(text);
        output.WriteLine(q.Key());
        output.WriteLine(fixture.Harness.Workspace.Vocabulary.Query.Lookup("manager")?.Count.ToString() ?? "none");
        var match = new IntentRouter(fixture.Harness.Workspace.Vocabulary).Route(text);
        output.WriteLine($"{match.Name} {string.Join(",", match.Entities.RepIds)} {match.Entities.Key()}");
    }
}
