using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// A constraint (<c>constraints.gatekeeper.sh</c>, kind = its template's kind): what it matches, the parameters its
/// template reads as <c>input.parameters</c> (null when unset, as Gatekeeper passes them), and its enforcement action.
/// </summary>
public sealed record Constraint(string Kind, string Name, ConstraintMatch Match, Value Parameters, string EnforcementAction, string Source)
{
    public static Constraint Read(Value constraint, string source)
    {
        var gvk = GroupVersionKind.Parse(constraint.GetString("apiVersion"), constraint.GetString("kind"));
        if (gvk.Group != "constraints.gatekeeper.sh")
        {
            throw new GatekeeperException($"{source}: not a constraint (apiVersion {constraint.GetString("apiVersion")} is not in constraints.gatekeeper.sh)");
        }

        if (gvk.Kind.Length == 0)
        {
            throw new GatekeeperException($"{source}: a constraint needs a kind");
        }

        var name = constraint.GetString("metadata", "name");
        if (string.IsNullOrEmpty(name))
        {
            throw new GatekeeperException($"{source}: a constraint needs metadata.name");
        }

        var action = constraint.GetString("spec", "enforcementAction") ?? "deny";
        if (action.Length == 0)
        {
            action = "deny";
        }

        if (action is not ("deny" or "dryrun" or "warn" or "scoped"))
        {
            throw new GatekeeperException($"{source}: constraint {name}: unknown enforcementAction {action} (deny, dryrun, warn or scoped)");
        }

        return new Constraint(
            gvk.Kind,
            name,
            ConstraintMatch.Read(constraint.Get("spec", "match"), $"{source}: constraint {name}"),
            constraint.Get("spec", "parameters") ?? NullValue.Instance,
            action,
            source);
    }
}
