using System.Text;

namespace Palisade.Admission;

/// <summary>A kind the webhook polices: its API group and kind, e.g. <c>projectcalico.org/GlobalNetworkPolicy</c>.</summary>
public sealed record PolicedKind(string Group, string Kind)
{
    /// <summary>Kubernetes and Calico network policy kinds.</summary>
    public static readonly IReadOnlyList<PolicedKind> Defaults =
    [
        new("networking.k8s.io", "NetworkPolicy"),
        new("projectcalico.org", "NetworkPolicy"),
        new("projectcalico.org", "GlobalNetworkPolicy"),
        new("projectcalico.org", "StagedNetworkPolicy"),
        new("projectcalico.org", "NetworkSet"),
        new("projectcalico.org", "GlobalNetworkSet"),
        new("projectcalico.org", "Tier"),
    ];

    /// <summary>Reads <c>group/Kind</c> (<c>Kind</c> alone is the core group); null when it is not that.</summary>
    public static PolicedKind? Parse(string text)
    {
        var slash = text.LastIndexOf('/');
        var kind = text[(slash + 1)..];
        return kind.Length == 0 || !char.IsAsciiLetterUpper(kind[0]) ? null : new PolicedKind(slash < 0 ? string.Empty : text[..slash], kind);
    }

    /// <summary>The resource name rules match: the lowercase plural, as the API server names it.</summary>
    public string Resource
    {
        get
        {
            var lower = Kind.ToLowerInvariant();
            return lower.EndsWith('y') ? lower[..^1] + "ies" : lower.EndsWith('s') ? lower + "es" : lower + "s";
        }
    }

    /// <summary>The versions the groups serve; any version for a group Palisade does not know.</summary>
    public string ApiVersion => Group switch
    {
        "networking.k8s.io" => "v1",
        "projectcalico.org" => "v3",
        _ => "*",
    };
}

/// <summary>The settings of <c>palisade webhook config</c>.</summary>
public sealed record WebhookConfigurationSettings
{
    /// <summary>The Service in front of the webhook; null when <see cref="Url"/> is given instead.</summary>
    public string? ServiceName { get; init; }

    public string? ServiceNamespace { get; init; }

    /// <summary>
    /// An https URL the API server posts to directly (<c>clientConfig.url</c>), for a webhook outside the cluster such
    /// as one beside the sandbox; it replaces the Service and <see cref="Path"/>.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>The PEM bundle of the CA that signed the serving certificate, or null to leave caBundle to cert-manager's CA injector.</summary>
    public byte[]? CaBundle { get; init; }

    public FailurePolicy FailurePolicy { get; init; } = FailurePolicy.Fail;

    public int TimeoutSeconds { get; init; } = 5;

    public IReadOnlyList<PolicedKind> Kinds { get; init; } = PolicedKind.Defaults;

    public string Path { get; init; } = "/validate";
}

/// <summary>Writes the ValidatingWebhookConfiguration that points the API server at the webhook.</summary>
public static class WebhookConfiguration
{
    public const string Name = "palisade";

    /// <summary>Namespaces never sent to the webhook: its own (so that it can always be repaired) and the system's.</summary>
    public static readonly IReadOnlyList<string> ExcludedNamespaces = ["palisade-system", "kube-system"];

    public static string Render(WebhookConfigurationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings.Url is null) == (settings.ServiceName is null || settings.ServiceNamespace is null))
        {
            throw new ArgumentException("give either a URL or a service name and namespace", nameof(settings));
        }

        var yaml = new StringBuilder();
        yaml.Append("apiVersion: admissionregistration.k8s.io/v1\n");
        yaml.Append("kind: ValidatingWebhookConfiguration\n");
        yaml.Append($"metadata:\n  name: {Name}\n");
        yaml.Append("webhooks:\n");
        yaml.Append("  - name: validate.palisade.dev\n");
        yaml.Append("    admissionReviewVersions: [v1]\n");
        yaml.Append("    sideEffects: None\n");
        yaml.Append($"    timeoutSeconds: {settings.TimeoutSeconds}\n");
        yaml.Append($"    failurePolicy: {settings.FailurePolicy}\n");
        yaml.Append("    clientConfig:\n");
        if (settings.Url is { } url)
        {
            yaml.Append($"      url: {Quoted(url)}\n");
        }
        else
        {
            yaml.Append("      service:\n");
            yaml.Append($"        name: {settings.ServiceName}\n");
            yaml.Append($"        namespace: {settings.ServiceNamespace}\n");
            yaml.Append($"        path: {settings.Path}\n");
            yaml.Append("        port: 443\n");
        }

        if (settings.CaBundle is { } ca)
        {
            yaml.Append($"      caBundle: {Convert.ToBase64String(ca)}\n");
        }

        yaml.Append("    namespaceSelector:\n");
        yaml.Append("      matchExpressions:\n");
        yaml.Append("        - key: kubernetes.io/metadata.name\n");
        yaml.Append("          operator: NotIn\n");
        yaml.Append($"          values: [{string.Join(", ", ExcludedNamespaces)}]\n");
        yaml.Append("    rules:\n");
        foreach (var group in settings.Kinds.GroupBy(k => k.Group))
        {
            yaml.Append($"      - apiGroups: [{Quoted(group.Key)}]\n");
            yaml.Append($"        apiVersions: [{Quoted(group.First().ApiVersion)}]\n");
            yaml.Append("        operations: [CREATE, UPDATE]\n");
            yaml.Append($"        resources: [{string.Join(", ", group.Select(k => k.Resource).Distinct(StringComparer.Ordinal))}]\n");
            yaml.Append("        scope: \"*\"\n");
        }

        return yaml.ToString();
    }

    private static string Quoted(string text) => $"\"{text}\"";
}
