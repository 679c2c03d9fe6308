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
        var reviews = inputs.Select(input => (input.Name, Review: AdmissionReview.ForObject(input.Documents[0].Value, input.Name))).ToList();
        var results = new List<FileCheckResults>();
        foreach (var (template, constraints) in templates)
        {
            // One review per object covers all of the template's constraints; results are reported constraint by
            // constraint, then object by object, as conftest reports namespace by namespace.
            var byConstraint = constraints.ToDictionary<Constraint, Constraint, List<FileCheckResults>>(c => c, _ => [], ReferenceEqualityComparer.Instance);
            var reviewer = new ConstraintReviewer(template, constraints);
            foreach (var (name, review) in reviews)
            {
                foreach (var outcome in reviewer.ReviewEach(review, inventory, cancellation))
                {
                    byConstraint[outcome.Constraint].Add(Results(name, outcome));
                }
            }

            results.AddRange(constraints.SelectMany(c => byConstraint[c]));
        }

        return results;
    }

    private static FileCheckResults Results(string inputName, ConstraintOutcome outcome)
    {
        var violations = outcome.Violations.Select(Result).ToList();
        var warns = outcome.Constraint.EnforcementAction == "warn";
        return new FileCheckResults(
            inputName,
            $"{outcome.Constraint.Kind}/{outcome.Constraint.Name}",
            violations.Count == 0 ? 1 : 0,
            warns ? [] : violations,
            warns ? violations : [],
            [],
            []);
    }

    private static CheckResult Result(Violation violation) => new(
        violation.Message,
        null,
        ObjectValue.Of(("details", violation.Details), ("enforcementAction", StringValue.Of(violation.EnforcementAction))),
        $"constraint {violation.ConstraintKind}/{violation.ConstraintName}",
        []);
}
