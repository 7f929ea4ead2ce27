using System.Text;
using ChatOpsBot.Slack.Signing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.Signing;

public sealed class SlackSignatureVerifierTests
{
    // The worked example on Slack's "Verifying requests from Slack" page.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier At(long unixSeconds) =>
        new(DocSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(DocBody);

    [Fact]
    public void Verify_SlacksDocumentedExample_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, At(1531420618 + 30).Verify(DocTimestamp, DocSignature, Body));

    [Fact]
    public void Sign_SlacksDocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal(DocSignature, SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, Body));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void Verify_TimestampMoreThanFiveMinutesAway_IsStale(int offset) =>
        Assert.Equal(SignatureCheck.StaleTimestamp, At(1531420618 + offset).Verify(DocTimestamp, DocSignature, Body));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtTheEdgeOfTheWindow_IsValid(int offset) =>
        Assert.Equal(SignatureCheck.Valid, At(1531420618 + offset).Verify(DocTimestamp, DocSignature, Body));

    [Fact]
    public void Verify_TamperedBody_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, At(1531420618).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody.Replace("roadrunner", "coyote"))));

    [Fact]
    public void Verify_OtherSecret_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch,
            new SlackSignatureVerifier("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618))).Verify(DocTimestamp, DocSignature, Body));

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", DocSignature)]
    [InlineData(DocTimestamp, "")]
    public void Verify_MissingHeader_IsRejected(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.MissingHeader, At(1531420618).Verify(timestamp, signature, Body));

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_VersionOtherThanV0_IsRejected(string signature) =>
        Assert.Equal(SignatureCheck.UnsupportedVersion, At(1531420618).Verify(DocTimestamp, signature, Body));

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("soon")]
    [InlineData(" 1531420618")]
    public void Verify_NonNumericTimestamp_IsRejected(string timestamp) =>
        Assert.Equal(SignatureCheck.BadTimestamp, At(1531420618).Verify(timestamp, DocSignature, Body));

    [Fact]
    public void Verify_UppercaseHexSignature_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, At(1531420618).Verify(DocTimestamp, DocSignature.ToUpperInvariant().Replace("V0=", "v0="), Body));
}
