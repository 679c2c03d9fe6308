using System.Globalization;
using Palisade.Policy.Conftest;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Admission;

/// <summary>
/// Decides one request against one policy: the conftest rules (deny/violation → denials, warn → warnings, exceptions
/// exempt as in <c>palisade test</c>) and every constraint whose match selects the object, by its enforcement action.
/// All of it runs under one deadline; a rule that errs or runs out of time is left to the failure policy.
/// </summary>
public static class Validator
{
    /// <param name="inventory">The cluster's synced objects, read by templates as <c>data.inventory</c> and by namespace selectors; none when null.</param>
    public static AdmissionDecision Validate(AdmissionPolicy policy, AdmissionRequest request, EvaluationSettings settings, Policy.Gatekeeper.Inventory? inventory = null, CancellationToken cancellation = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(settings.Timeout);
        var run = new Run(settings, inventory ?? Policy.Gatekeeper.Inventory.Empty, deadline.Token);
        if (policy.Conftest is { } conftest && ConftestInput(request, settings.Input) is { } input)
        {
            CheckConftest(conftest, input, run);
        }

        foreach (var (template, constraints) in policy.Constraints)
        {
            foreach (var constraint in constraints)
            {
                CheckConstraint(template, constraint, request, run);
            }
        }

        return run.Decision();
    }

    private static Value? ConftestInput(AdmissionRequest request, InputMode mode) => mode == InputMode.Review ? request.Review : request.Checked;

    private static void CheckConftest(ConftestPolicy policy, Value input, Run run)
    {
        var limits = new EvaluationLimits { Cancellation = run.Token, StrictBuiltinErrors = run.Settings.StrictBuiltinErrors };
        foreach (var rule in policy.Namespaces.SelectMany(ns => ns.Rules))
        {
            if (run.SkipWhenOutOfTime())
            {
                continue;
            }

            try
            {
                if (rule.PreparedException.Evaluate(input, limits).Count > 0)
                {
                    continue;
                }

                var (messages, _) = RuleResults.Read(rule.Prepared.Evaluate(input, limits), rule.Query, null, []);
                foreach (var message in messages)
                {
                    (rule.IsFailure ? run.Denials : run.Warnings).Add(message.Message);
                }
            }
            catch (Exception ex) when (ex is RegoException or ConftestException)
            {
                run.Fail(rule.Query, ex is RegoException rego ? rego.ToString() : ex.Message);
            }
        }
    }

    private static void CheckConstraint(CompiledTemplate template, Constraint constraint, AdmissionRequest request, Run run)
    {
        if (run.SkipWhenOutOfTime())
        {
            return;
        }

        var name = $"constraint {constraint.Kind}/{constraint.Name}";
        IReadOnlyList<Violation> violations;
        try
        {
            violations = new ConstraintReviewer(template, [constraint], run.Settings.Timeout).Review(request.GatekeeperReview, run.Inventory, run.Token);
        }
        catch (GatekeeperException ex)
        {
            run.Fail(name, ex.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? ex.Message[(name.Length + 2)..] : ex.Message);
            return;
        }

        foreach (var violation in violations)
        {
            // Gatekeeper prefixes each message with the constraint's name.
            var message = $"[{violation.ConstraintName}] {violation.Message}";
            switch (violation.EnforcementAction)
            {
                case "warn":
                    run.Warnings.Add(message);
                    break;
                case "dryrun":
                    run.DryRun.Add(message);
                    break;
                default:
                    run.Denials.Add(message);
                    break;
            }
        }
    }

    /// <summary>What one validation has found so far.</summary>
    private sealed class Run(EvaluationSettings settings, Policy.Gatekeeper.Inventory inventory, CancellationToken token)
    {
        private int _skipped;

        public EvaluationSettings Settings { get; } = settings;

        /// <summary>One snapshot for the whole request, so every constraint sees the same cluster.</summary>
        public Policy.Gatekeeper.Inventory Inventory { get; } = inventory;

        public CancellationToken Token { get; } = token;

        public List<string> Denials { get; } = [];

        public List<string> Warnings { get; } = [];

        public List<string> DryRun { get; } = [];

        public List<EvaluationFailure> Failures { get; } = [];

        /// <summary>Once the deadline has passed, the remaining rules are only counted: each would fail at once.</summary>
        public bool SkipWhenOutOfTime()
        {
            if (!Token.IsCancellationRequested)
            {
                return false;
            }

            _skipped++;
            return true;
        }

        public void Fail(string rule, string error) =>
            Failures.Add(new EvaluationFailure(rule, Token.IsCancellationRequested ? $"timed out after {Seconds(Settings.Timeout)}" : error));

        public AdmissionDecision Decision()
        {
            if (_skipped > 0)
            {
                Failures.Add(new EvaluationFailure($"{_skipped} more rules and constraints", $"not evaluated: the {Seconds(Settings.Timeout)} deadline had passed"));
            }

            foreach (var failure in Failures)
            {
                if (Settings.FailurePolicy == FailurePolicy.Fail)
                {
                    Denials.Add($"{failure.Rule}: evaluation failed (failure policy Fail): {failure.Error}");
                }
                else
                {
                    Warnings.Add($"{failure.Rule}: not enforced, evaluation failed (failure policy Ignore): {failure.Error}");
                }
            }

            return new AdmissionDecision(Denials, Warnings, DryRun, Failures);
        }

        private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
