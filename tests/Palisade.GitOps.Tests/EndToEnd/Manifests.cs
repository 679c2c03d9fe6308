using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>Policy files as <c>palisade generate</c> writes them, and a governance rule, for the end-to-end tests.</summary>
internal static class Manifests
{
    public const string BackendPath = "policies/shop/networkpolicy-backend.yaml";
    public const string FrontendPath = "policies/shop/networkpolicy-frontend.yaml";
    public const string DefaultDenyPath = "policies/_global/globalnetworkpolicy-default-deny.yaml";

    public static string CalicoPolicy(string name, string ns, int order) => $"""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          order: {order}
          selector: app == '{name}'
          types:
            - Ingress
          ingress:
            - action: Allow
              protocol: TCP
              source:
                selector: app == 'frontend'
              destination:
                ports:
                  - 8080
        """;

    public const string DefaultDeny = """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: default-deny
        spec:
          order: 2000
          selector: all()
          types:
            - Ingress
            - Egress
        """;

    /// <summary>The governance rule of the example repository: application policies have order 500 or more.</summary>
    public const string OrderRule = """
        package main

        import rego.v1

        deny contains msg if {
          input.kind == "NetworkPolicy"
          input.spec.order < 500
          msg := sprintf("%s: order %d is below 500, the range kept for the platform team", [input.metadata.name, input.spec.order])
        }
        """;

    /// <summary>A repository in <paramref name="folder"/> with two application policies and a global default deny, committed.</summary>
    public static TestRepository ShopRepository(TempFolder folder)
    {
        var repository = new TestRepository(folder.Combine("repo"));
        repository
            .Write(BackendPath, CalicoPolicy("backend", "shop", 710))
            .Write(FrontendPath, CalicoPolicy("frontend", "shop", 720))
            .Write(DefaultDenyPath, DefaultDeny)
            .Write("policy/order.rego", OrderRule)
            .Commit("shop: frontend and backend policies");
        return repository;
    }
}
