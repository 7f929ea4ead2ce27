using System.Net;
using ChatOpsBot.Teams.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ChatOpsBot.Teams.Tests.Auth;

public sealed class LocalPlaygroundTests
{
    private const string Connector = "http://localhost:56150/_connector";

    [Theory]
    [InlineData("127.0.0.1", Connector)]
    [InlineData("::1", Connector)]
    [InlineData("::ffff:127.0.0.1", "http://127.0.0.1:56150/_connector/")]
    public void Accepts_LoopbackCaller_WithAPlaygroundConnector(string remote, string serviceUrl) =>
        Assert.True(LocalPlayground.Accepts(true, IPAddress.Parse(remote), serviceUrl));

    [Theory]
    [InlineData("10.1.2.3", Connector)] // another machine, even with the right serviceUrl
    [InlineData("192.168.0.7", Connector)]
    [InlineData("127.0.0.1", "http://evil.example:56150/_connector")] // our token-free replies would go elsewhere
    [InlineData("127.0.0.1", "http://localhost.evil.example:56150/_connector")]
    [InlineData("127.0.0.1", "https://smba.trafficmanager.net/emea/")]
    [InlineData("127.0.0.1", "http://localhost:56150/other")]
    [InlineData("127.0.0.1", "http://localhost/_connector")] // no port: not the Playground
    [InlineData("127.0.0.1", "https://localhost:56150/_connector")]
    [InlineData("127.0.0.1", "http://user@localhost:56150/_connector")]
    [InlineData("127.0.0.1", null)]
    public void Refuses_OtherCallersOrServiceUrls(string remote, string? serviceUrl) =>
        Assert.False(LocalPlayground.Accepts(true, IPAddress.Parse(remote), serviceUrl));

    [Fact]
    public void Refuses_Everything_WhenTheModeIsOff() =>
        Assert.False(LocalPlayground.Accepts(false, IPAddress.Loopback, Connector));

    [Fact]
    public void Refuses_AConnectionWithoutAnAddress() =>
        Assert.False(LocalPlayground.Accepts(true, null, Connector));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Validator_RefusesTheMode_OutsideDevelopment(string environment)
    {
        var result = new TeamsOptionsValidator(new Environment(environment)).Validate(null, new TeamsOptions { AppId = "app", LocalPlayground = true });
        Assert.True(result.Failed);
        Assert.Contains("Teams:LocalPlayground is allowed only in the Development environment", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(environment, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RefusesTheMode_WithoutAHostEnvironment() =>
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = "app", LocalPlayground = true }).Failed);

    [Fact]
    public void Validator_RefusesTheMode_BesideAnAppPassword()
    {
        var result = new TeamsOptionsValidator(new Environment("Development"))
            .Validate(null, new TeamsOptions { AppId = "app", AppPassword = "s3cret-value", LocalPlayground = true });
        Assert.True(result.Failed);
        Assert.Contains("Teams:LocalPlayground cannot be used with Teams:AppPassword", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_AcceptsTheMode_InDevelopment_WithoutAnAppPassword() =>
        Assert.True(new TeamsOptionsValidator(new Environment("Development")).Validate(null, new TeamsOptions { AppId = "app", LocalPlayground = true }).Succeeded);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ChatOpsBot";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
