using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// Reviews objects against one template and its constraints as Gatekeeper's client does: for each constraint that
/// matches the object, the template's violations with <c>input = {"review": …, "parameters": …}</c>.
/// </summary>
public sealed class ConstraintReviewer(CompiledTemplate template, IReadOnlyList<Constraint> constraints, TimeSpan? timeout = null)
{
    /// <summary>Gatekeeper's default webhook timeout; each review gets this long before it fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public CompiledTemplate Template { get; } = template;

    public IReadOnlyList<Constraint> Constraints { get; } = constraints;

    public IReadOnlyList<Violation> Review(AdmissionReview review, Inventory inventory, CancellationToken cancellation = default) =>
        ReviewEach(review, inventory, cancellation).SelectMany(outcome => outcome.Violations).ToList();

    /// <summary>
    /// Each constraint that matches the object, in order, with its violations (none when the object passes it): what
    /// an audit counts, where an admission only needs the violations.
    /// </summary>
    public IReadOnlyList<ConstraintOutcome> ReviewEach(AdmissionReview review, Inventory inventory, CancellationToken cancellation = default)
    {
        var query = Template.Prepare(inventory);
        var namespaceObject = review.Target.Namespace.Length > 0 ? inventory.Namespace(review.Target.Namespace) : null;
        var outcomes = new List<ConstraintOutcome>();
        foreach (var constraint in Constraints)
        {
            if (constraint.Kind != Template.Template.Kind)
            {
                throw new GatekeeperException($"{constraint.Source}: constraint {constraint.Name} has kind {constraint.Kind}, but the template defines {Template.Template.Kind}");
            }

            if (!constraint.Match.Matches(review.Target, namespaceObject))
            {
                continue;
            }

            var input = ObjectValue.Of(("review", review.Request), ("parameters", constraint.Parameters));
            var limits = new EvaluationLimits { Deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout), Cancellation = cancellation };
            IReadOnlyList<Rego.QueryResult> results;
            try
            {
                results = query.Evaluate(input, limits);
            }
            catch (RegoException ex)
            {
                throw new GatekeeperException($"constraint {constraint.Kind}/{constraint.Name}: {ex}");
            }

            var violations = new List<Violation>();
            foreach (var result in results)
            {
                if (result.Expressions.Count == 0 || result.Expressions[0] is not SetValue set)
                {
                    continue;
                }

                foreach (var item in set.Items)
                {
                    var message = item.GetString("msg") ?? string.Empty;
                    violations.Add(new Violation(message, item.Get("details") ?? ObjectValue.Empty, constraint.Kind, constraint.Name, constraint.EnforcementAction));
                }
            }

            outcomes.Add(new ConstraintOutcome(constraint, violations));
        }

        return outcomes;
    }
}
