using ChatOpsBot.Core.Health;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Checks;

/// <summary>Runs the checks a connector's <c>Add…()</c> registers, the way <c>check</c> finds them.</summary>
internal static class ConnectorChecks
{
    public static async Task<ConnectorHealth> RunAsync(IServiceCollection services, string name)
    {
        await using var provider = services.BuildServiceProvider();
        var check = Assert.Single(provider.GetServices<IConnectorCheck>(), c => c.Name == name);
        return await check.CheckAsync(CancellationToken.None);
    }
}
