using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Helm;

/// <summary>deploy/helm/chatopsbot, rendered (by helm when installed) and read as Kubernetes objects.</summary>
public sealed class HelmChartTests
{
    private const string FullName = HelmChart.ReleaseName + "-chatopsbot";

    private static readonly YamlMappingNode Values = DeployFiles.ParseMapping(DeployFiles.Read("deploy/helm/chatopsbot/values.yaml"));

    private static YamlNode Deployment(params (string, string)[] sets) => HelmChart.Render(sets)["deployment.yaml"];

    private static YamlNode Container(params (string, string)[] sets) =>
        Assert.Single(Deployment(sets).At("spec", "template", "spec", "containers").Items());

    private static IReadOnlyDictionary<string, YamlNode> Env(YamlNode container) =>
        container.At("env").Items().ToDictionary(e => e.At("name").Text());

    [Fact]
    public void ChartAndValues_AreYaml_WithApiVersion2()
    {
        var chart = DeployFiles.ParseMapping(DeployFiles.Read("deploy/helm/chatopsbot/Chart.yaml"));
        Assert.Equal("v2", chart.At("apiVersion").Text());
        Assert.Equal("chatopsbot", chart.At("name").Text());
        Assert.Equal("2", Values.At("replicaCount").Text());
    }

    [Fact]
    public void DefaultValues_RenderDeploymentServiceAndConfigMap_ButNoSecretOrIngress()
    {
        var rendered = HelmChart.Render();
        Assert.Equal(["configmap.yaml", "deployment.yaml", "service.yaml"], rendered.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Deployment", rendered["deployment.yaml"].At("kind").Text());
        Assert.All(rendered.Values, doc => Assert.Equal(FullName, doc.At("metadata", "name").Text()));
    }

    [Fact]
    public void EveryTemplate_RendersAsYaml_WithEveryOptionOn()
    {
        var rendered = HelmChart.Render(
            ("secrets.create", "true"), ("secrets.values.postgres-connection-string", "Host=pg"),
            ("ingress.enabled", "true"), ("ingress.className", "nginx"), ("inputs.existingClaim", "soc-inputs"),
            ("nodeSelector.disk", "ssd"));
        Assert.Equal(["configmap.yaml", "deployment.yaml", "ingress.yaml", "secret.yaml", "service.yaml"], rendered.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deployment_TakesReplicasFromValues()
    {
        Assert.Equal("2", Deployment().At("spec", "replicas").Text());
        Assert.Equal("5", Deployment(("replicaCount", "5")).At("spec", "replicas").Text());
    }

    [Fact]
    public void Deployment_ProbesTheHealthEndpoints()
    {
        var container = Container();
        Assert.Equal("/healthz/live", container.At("livenessProbe", "httpGet", "path").Text());
        Assert.Equal("/healthz/ready", container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal("/healthz/live", container.At("startupProbe", "httpGet", "path").Text());
        Assert.Equal("http", container.At("readinessProbe", "httpGet", "port").Text());
        Assert.Equal("8080", container.At("ports").Items().Single(p => p.At("name").Text() == "http").At("containerPort").Text());
    }

    [Fact]
    public void Deployment_RunsAsTheImagesNonRootUser_OnAReadOnlyRootFilesystem()
    {
        var pod = Deployment().At("spec", "template", "spec");
        Assert.Equal("true", pod.At("securityContext", "runAsNonRoot").Text());
        Assert.Equal("1654", pod.At("securityContext", "runAsUser").Text());
        var container = Container();
        Assert.Equal("true", container.At("securityContext", "readOnlyRootFilesystem").Text());
        Assert.Equal("false", container.At("securityContext", "allowPrivilegeEscalation").Text());
        var mounts = container.At("volumeMounts").Items().ToDictionary(m => m.At("mountPath").Text(), m => m.At("name").Text());
        var volumes = pod.At("volumes").Items().ToDictionary(v => v.At("name").Text());
        Assert.NotNull(volumes[mounts["/tmp"]].Find("emptyDir"));
        Assert.NotNull(volumes[mounts["/data"]].Find("emptyDir"));
    }

    [Fact]
    public void Deployment_TakesEverySecretFromTheSecret_ByKeyRef()
    {
        var env = Env(Container());
        var expected = Values.At("secrets", "keys").Items().Select(k => (Env: k.At("env").Text(), Key: k.At("key").Text()))
            .Append(("Storage__ConnectionString", Values.At("secrets", "connectionStringKey").Text()));
        foreach (var (name, key) in expected)
        {
            var reference = env[name].At("valueFrom", "secretKeyRef");
            Assert.Equal(FullName, reference.At("name").Text());
            Assert.Equal(key, reference.At("key").Text());
        }
        Assert.Null(env["Storage__ConnectionString"].Find("valueFrom", "secretKeyRef", "optional"));
        foreach (var (name, entry) in env)
        {
            if (DockerfileTests.SecretName().IsMatch(name) || name == "Storage__ConnectionString") Assert.Null(entry.Find("value"));
        }
    }

    [Fact]
    public void Values_MapEveryChatAndConnectorToken()
    {
        var names = Values.At("secrets", "keys").Items().Select(k => k.At("env").Text()).ToList();
        Assert.Equal(
            ["Slack__SigningSecret", "Slack__BotToken", "Slack__AppToken", "Teams__AppId", "Teams__AppPassword", "Otx__ApiKey", "VirusTotal__ApiKey", "Splunk__Token", "TheHive__ApiKey"],
            names);
        Assert.Equal("false", Values.At("secrets", "create").Text());
        Assert.Empty(Assert.IsType<YamlMappingNode>(Values.At("secrets", "values")).Children);
    }

    [Fact]
    public void Deployment_UsesAnExistingSecretByName()
    {
        var rendered = HelmChart.Render(("secrets.existingSecret", "soc-vault-synced"));
        Assert.DoesNotContain("secret.yaml", rendered.Keys);
        var env = Env(Assert.Single(rendered["deployment.yaml"].At("spec", "template", "spec", "containers").Items()));
        Assert.Equal("soc-vault-synced", env["Slack__BotToken"].At("valueFrom", "secretKeyRef", "name").Text());
    }

    [Fact]
    public void Secret_IsCreatedOnlyOnRequest_UnderTheReferencedName()
    {
        var rendered = HelmChart.Render(("secrets.create", "true"), ("secrets.values.slack-bot-token", "xoxb-test"));
        var secret = rendered["secret.yaml"];
        Assert.Equal("Secret", secret.At("kind").Text());
        Assert.Equal(FullName, secret.At("metadata", "name").Text());
        Assert.Equal("xoxb-test", secret.At("stringData", "slack-bot-token").Text());
    }

    [Fact]
    public void ConfigMap_FeedsTheContainerEnvironment_WithPostgres()
    {
        var rendered = HelmChart.Render();
        var configMap = rendered["configmap.yaml"];
        Assert.Equal("Postgres", configMap.At("data", "Storage__Provider").Text());
        var envFrom = Assert.Single(Container().At("envFrom").Items());
        Assert.Equal(configMap.At("metadata", "name").Text(), envFrom.At("configMapRef", "name").Text());
        Assert.All(configMap.At("data").Keys(), key => Assert.DoesNotMatch(DockerfileTests.SecretName(), key));
    }

    [Fact]
    public void ConfigKeys_InValuesAndCompose_ExistInAppsettings()
    {
        using var appsettings = JsonDocument.Parse(DeployFiles.Read("appsettings.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var compose = DeployFiles.ParseMapping(DeployFiles.Read("deploy/compose.yaml")).At("services", "bot", "environment").EnvironmentMap().Keys;
        foreach (var key in Values.At("config").Keys().Concat(compose).Where(k => !k.StartsWith("Storage__ConnectionString", StringComparison.Ordinal)))
        {
            var node = appsettings.RootElement;
            foreach (var part in key.Split("__"))
            {
                Assert.True(node.ValueKind == JsonValueKind.Array
                    ? int.TryParse(part, out var i) && i < node.GetArrayLength() && (node = node[i]).ValueKind != JsonValueKind.Undefined
                    : node.TryGetProperty(part, out node), $"{key} is not a key of appsettings.json");
            }
        }
    }

    [Fact]
    public void Pods_AreAnnotatedForPrometheusScraping()
    {
        var annotations = Deployment().At("spec", "template", "metadata", "annotations");
        Assert.Equal("true", annotations.At("prometheus.io/scrape").Text());
        Assert.Equal("/metrics", annotations.At("prometheus.io/path").Text());
        Assert.Equal("9090", annotations.At("prometheus.io/port").Text());
    }

    [Fact]
    public void Metrics_AreServedOnlyOnAPortTheServiceAndIngressDoNotReach()
    {
        var rendered = HelmChart.Render(("ingress.enabled", "true"));
        var container = Assert.Single(rendered["deployment.yaml"].At("spec", "template", "spec", "containers").Items());
        var ports = container.At("ports").Items().ToDictionary(p => p.At("name").Text(), p => p.At("containerPort").Text());
        var env = Env(container);
        var scraped = rendered["deployment.yaml"].At("spec", "template", "metadata", "annotations").At("prometheus.io/port").Text();

        // The app answers /metrics only on the metrics port, and listens there.
        Assert.Equal(ports["metrics"], scraped);
        Assert.Equal(scraped, env["Observability__Metrics__Port"].At("value").Text());
        Assert.Equal($"http://+:{ports["http"]};http://+:{ports["metrics"]}", env["ASPNETCORE_URLS"].At("value").Text());
        Assert.NotEqual(ports["http"], ports["metrics"]);
        // Neither the Service nor the ingress route to it.
        var servicePort = Assert.Single(rendered["service.yaml"].At("spec", "ports").Items());
        Assert.Equal("http", servicePort.At("targetPort").Text());
        var backend = Assert.Single(Assert.Single(rendered["ingress.yaml"].At("spec", "rules").Items()).At("http", "paths").Items()).At("backend", "service");
        Assert.Equal("http", backend.At("port", "name").Text());
    }

    [Fact]
    public void Service_MapsPort80ToTheContainersHttpPort_AndSelectsThePods()
    {
        var service = HelmChart.Render()["service.yaml"];
        var port = Assert.Single(service.At("spec", "ports").Items());
        Assert.Equal("80", port.At("port").Text());
        Assert.Equal("http", port.At("targetPort").Text());
        var podLabels = Deployment().At("spec", "template", "metadata", "labels");
        foreach (var key in service.At("spec", "selector").Keys())
        {
            Assert.Equal(service.At("spec", "selector", key).Text(), podLabels.At(key).Text());
        }
        Assert.Equal($"chatopsbot:{DeployFiles.ParseMapping(DeployFiles.Read("deploy/helm/chatopsbot/Chart.yaml")).At("appVersion").Text()}", Container().At("image").Text());
    }

    [Fact]
    public void Ingress_RoutesItsHostsToTheService_WhenEnabled()
    {
        var ingress = HelmChart.Render(("ingress.enabled", "true"))["ingress.yaml"];
        var rule = Assert.Single(ingress.At("spec", "rules").Items());
        Assert.Equal("chatopsbot.example.com", rule.At("host").Text());
        var backend = Assert.Single(rule.At("http", "paths").Items()).At("backend", "service");
        Assert.Equal(FullName, backend.At("name").Text());
        Assert.Equal("http", backend.At("port", "name").Text());
    }

    [Fact]
    public void Inputs_MountAnExistingClaimReadOnly()
    {
        var volumes = Deployment(("inputs.existingClaim", "soc-inputs")).At("spec", "template", "spec", "volumes").Items();
        var inputs = volumes.Single(v => v.At("name").Text() == "inputs");
        Assert.Equal("soc-inputs", inputs.At("persistentVolumeClaim", "claimName").Text());
    }

    [Fact]
    public void Notes_NameTheSecretAndTheEndpoints()
    {
        var notes = HelmChart.RenderText()["NOTES.txt"];
        Assert.Contains($"Secret \"{FullName}\"", notes, StringComparison.Ordinal);
        Assert.Contains("/healthz/ready", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", notes, StringComparison.Ordinal);
    }

    [HelmFact]
    public void HelmLint_PassesOnTheChart()
    {
        var (exit, output) = HelmChart.RunHelm("lint", HelmChart.Directory, "--strict");
        Assert.True(exit == 0, output);
    }
}
