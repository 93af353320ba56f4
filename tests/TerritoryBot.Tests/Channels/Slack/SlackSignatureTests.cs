using System.Text;
using TerritoryBot.Channels.Slack;

namespace TerritoryBot.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    // The documented test vector (PROTOCOLS.md D, from Slack's "verifying requests" page).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Verify_DocumentedTestVector_Valid() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), At));

    [Fact]
    public void Header_DocumentedTestVector_ReproducesTheSignature() =>
        Assert.Equal(Signature, SlackSignature.Header(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(-300, "Valid")]
    [InlineData(300, "Valid")]
    [InlineData(-301, "OutsideWindow")]
    [InlineData(301, "OutsideWindow")]
    [InlineData(-86400, "OutsideWindow")]
    [InlineData(86400, "OutsideWindow")]
    public void Verify_ClockOffset_FiveMinuteWindowBothWays(int offsetSeconds, string expected) =>
        Assert.Equal(Enum.Parse<SignatureCheck>(expected),
            SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), At.AddSeconds(offsetSeconds)));

    [Theory]
    [InlineData(null, Signature, "Missing")]
    [InlineData(Timestamp, null, "Missing")]
    [InlineData("", Signature, "Missing")]
    [InlineData("15314x0618", Signature, "Malformed")]
    [InlineData("-1531420618", Signature, "Malformed")]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Malformed")]
    [InlineData(Timestamp, "v0=a2114d57", "Malformed")]
    [InlineData(Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Malformed")]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", "Mismatch")]
    [InlineData(Timestamp, "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", "Valid")]
    public void Verify_BadHeaders_Refused(string? timestamp, string? signature, string expected) =>
        Assert.Equal(Enum.Parse<SignatureCheck>(expected), SlackSignature.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), At));

    [Theory]
    [InlineData("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&text=x")]
    [InlineData("")]
    public void Verify_OtherBody_Mismatch(string body) =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(body), At));

    [Fact]
    public void Verify_OtherSecret_Mismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret + "x", Timestamp, Signature, Encoding.UTF8.GetBytes(Body), At));

    [Fact]
    public void Verify_BodyWithOneByteChanged_Mismatch()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        bytes[^1] ^= 1;

        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Signature, bytes, At));
    }
}
