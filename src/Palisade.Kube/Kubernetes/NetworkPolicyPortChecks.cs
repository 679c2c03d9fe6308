using Palisade.Kube.Manifests;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// A NetworkPolicyPort: a numeric port in 1–65535 or an IANA service name; endPort only after a numeric port,
/// in range and not below it. The protocol's values are in the schema.
/// </summary>
internal static class NetworkPolicyPortChecks
{
    public static void Check(MappingNode port, FieldPath path, List<Diagnostic> problems)
    {
        var endPort = port["endPort"] as ScalarNode;
        switch (port["port"])
        {
            case ScalarNode { Kind: ScalarKind.Integer } number:
                CheckRange(number, path.Child("port"), problems);
                if (endPort is { Kind: ScalarKind.Integer })
                {
                    if (endPort.AsInteger < number.AsInteger)
                    {
                        problems.Add(new Diagnostic(endPort.Location, path.Child("endPort").Prefix($"{endPort.AsInteger} must not be below port {number.AsInteger}")));
                    }

                    CheckRange(endPort, path.Child("endPort"), problems);
                }

                break;
            case ScalarNode { Kind: ScalarKind.String } name:
                if (KubernetesNames.CheckPortName(name.AsString) is { } problem)
                {
                    problems.Add(new Diagnostic(name.Location, path.Child("port").Prefix($"{ValueText.Quote(name.AsString)} {problem}")));
                }

                if (endPort is { IsNull: false })
                {
                    problems.Add(new Diagnostic(endPort.Location, path.Child("endPort").Prefix($"may not be set when port is a name ({ValueText.Quote(name.AsString)})")));
                }

                break;
            case null or ScalarNode { IsNull: true } when endPort is { IsNull: false }:
                problems.Add(new Diagnostic(endPort.Location, path.Child("endPort").Prefix("may not be set without port")));
                break;
        }
    }

    private static void CheckRange(ScalarNode number, FieldPath path, List<Diagnostic> problems)
    {
        if (number.AsInteger < 1 || number.AsInteger > 65535)
        {
            problems.Add(new Diagnostic(number.Location, path.Prefix($"{number.AsInteger} is not between 1 and 65535")));
        }
    }
}
