using System.Text;

namespace Palisade.Sandbox;

/// <summary>A kubeconfig for the sandbox: one cluster trusting its certificate, one user with its token, and the current context "sandbox".</summary>
internal static class Kubeconfig
{
    public static string Create(Uri server, string certificatePem, string token)
    {
        var authority = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificatePem));
        // Values are quoted as JSON strings, which YAML reads the same way.
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: sandbox
              cluster:
                server: "{{server.GetLeftPart(UriPartial.Authority)}}"
                certificate-authority-data: "{{authority}}"
            users:
            - name: sandbox
              user:
                token: "{{token}}"
            contexts:
            - name: sandbox
              context:
                cluster: sandbox
                user: sandbox
                namespace: default
            current-context: sandbox
            preferences: {}

            """;
    }
}
