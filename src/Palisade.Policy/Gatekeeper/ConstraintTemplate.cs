using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// The Rego of a ConstraintTemplate's <c>admission.k8s.gatekeeper.sh</c> target. <see cref="Kind"/> is the constraint
/// kind it defines; <see cref="Source"/> names the template file in messages.
/// </summary>
public sealed record ConstraintTemplate(string Kind, string Rego, IReadOnlyList<string> Libs, RegoVersion RegoVersion, string Source)
{
    public const string AdmissionTarget = "admission.k8s.gatekeeper.sh";

    /// <summary>
    /// Reads a template as Gatekeeper does: the legacy <c>rego</c>/<c>libs</c> of the target win over its <c>code</c>
    /// list, whose <c>Rego</c> engine entry holds <c>source.rego</c>/<c>source.libs</c>. Legacy Rego is v0; code
    /// sources are v0 unless <c>source.version</c> is <c>v1</c>.
    /// </summary>
    public static ConstraintTemplate Read(Value template, string source)
    {
        var group = GroupVersionKind.Parse(template.GetString("apiVersion"), template.GetString("kind"));
        if (group.Group != "templates.gatekeeper.sh" || group.Kind != "ConstraintTemplate")
        {
            throw new GatekeeperException($"{source}: not a ConstraintTemplate (apiVersion {template.GetString("apiVersion")}, kind {template.GetString("kind")})");
        }

        var kind = template.GetString("spec", "crd", "spec", "names", "kind");
        if (string.IsNullOrEmpty(kind))
        {
            throw new GatekeeperException($"{source}: spec.crd.spec.names.kind is required");
        }

        var name = template.GetString("metadata", "name");
        if (name is not null && !string.Equals(name, kind.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw new GatekeeperException($"{source}: metadata.name {name} must be the lowercase of the kind {kind}");
        }

        var targets = template.GetArray("spec", "targets");
        if (targets.Count != 1)
        {
            throw new GatekeeperException($"{source}: a template must have exactly one target, it has {targets.Count}");
        }

        var target = targets[0];
        if (target.GetString("target") != AdmissionTarget)
        {
            throw new GatekeeperException($"{source}: target {target.GetString("target")} is not {AdmissionTarget}");
        }

        if (!string.IsNullOrEmpty(target.GetString("rego")))
        {
            return new ConstraintTemplate(kind, target.GetString("rego")!, target.GetStrings("libs"), RegoVersion.V0, source);
        }

        var code = target.GetArray("code").FirstOrDefault(c => c.GetString("engine") == "Rego")?.Get("source");
        if (code.GetString("rego") is not { Length: > 0 } rego)
        {
            throw new GatekeeperException($"{source}: template {kind} has no Rego source (only Rego templates are supported)");
        }

        var version = code.GetString("version") switch
        {
            null or "" or "v0" => RegoVersion.V0,
            "v1" => RegoVersion.V1,
            var other => throw new GatekeeperException($"{source}: template {kind}: unknown Rego version {other} (v0 or v1)"),
        };
        return new ConstraintTemplate(kind, rego, code.GetStrings("libs"), version, source);
    }
}
