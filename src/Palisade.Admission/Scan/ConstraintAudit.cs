using Palisade.Policy.Checks;
using Palisade.Policy.Conftest;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;
using GatekeeperInventory = Palisade.Policy.Gatekeeper.Inventory;

namespace Palisade.Admission.Scan;

/// <summary>
/// Gatekeeper constraints over objects already in the cluster, as Gatekeeper's audit runs them: every constraint whose
/// match selects the object is evaluated, whatever its enforcementAction, on the review gator makes of a plain object.
/// Results take the report shape of <c>palisade test</c>, one per object and constraint (named <c>Kind/name</c> where
/// conftest names a Rego package): a violation of a <c>deny</c> or <c>dryrun</c> constraint is a failure, of a
/// <c>warn</c> constraint a warning, and a matching constraint without violations a success.
/// </summary>
internal static class ConstraintAudit
{
    public static IReadOnlyList<FileCheckResults> Check(IReadOnlyList<InputFile> inputs, IReadOnlyList<TemplateConstraints> templates, GatekeeperInventory inventory, CancellationToken cancellation)
    {
        var results = new List<FileCheckResults>();
        foreach (var (template, constraints) in templates)
        {
            foreach (var constraint in constraints)
            {
                var reviewer = new ConstraintReviewer(template, [constraint]);
                foreach (var input in inputs)
                {
                    var value = input.Documents[0].Value;
                    var review = AdmissionReview.ForObject(value, input.Name);
                    var namespaceObject = review.Target.Namespace.Length > 0 ? inventory.Namespace(review.Target.Namespace) : null;
                    if (!constraint.Match.Matches(review.Target, namespaceObject))
                    {
                        continue;
                    }

                    var violations = reviewer.Review(review, inventory, cancellation).Select(Result).ToList();
                    var warns = constraint.EnforcementAction == "warn";
                    results.Add(new FileCheckResults(
                        input.Name,
                        $"{constraint.Kind}/{constraint.Name}",
                        violations.Count == 0 ? 1 : 0,
                        warns ? [] : violations,
                        warns ? violations : [],
                        [],
                        []));
                }
            }
        }

        return results;
    }

    private static CheckResult Result(Violation violation) => new(
        violation.Message,
        null,
        ObjectValue.Of(("details", violation.Details), ("enforcementAction", StringValue.Of(violation.EnforcementAction))),
        $"constraint {violation.ConstraintKind}/{violation.ConstraintName}",
        []);
}
