using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    private static TeamsOptions Valid() => new() { AppId = "app", AppPassword = "s3cret-value" };

    [Fact]
    public void ValidOptions_Pass() => Assert.True(new TeamsOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("AppId", "Teams:AppId")]
    [InlineData("AppPassword", "Teams:AppPassword")]
    [InlineData("OpenIdMetadataUrl", "Teams:OpenIdMetadataUrl")]
    [InlineData("TokenEndpoint", "Teams:TokenEndpoint")]
    public void EachProblem_NamesItsKey(string property, string key)
    {
        var options = Valid();
        switch (property)
        {
            case "AppId": options.AppId = ""; break;
            case "AppPassword": options.AppPassword = ""; break;
            case "OpenIdMetadataUrl": options.OpenIdMetadataUrl = "http://login.example.com/metadata"; break;
            case "TokenEndpoint": options.TokenEndpoint = "not a url"; break;
        }

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_NeverEchoTheSecret()
    {
        var options = Valid();
        options.AppId = "";
        options.MaxWritesPerSecond = 100;
        var result = new TeamsOptionsValidator().Validate(null, options);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Teams:MaxWritesPerSecond", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenEndpoint_FollowsTheTenant()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", Valid().EffectiveTokenEndpoint);
        var single = Valid();
        single.TenantId = "contoso-tenant";
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", single.EffectiveTokenEndpoint);
    }

    [Fact]
    public void AddTeams_ValidatesOnStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "app" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTeams(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);
        Assert.Contains("Teams:AppPassword", e.Message, StringComparison.Ordinal);
    }
}
