using Palisade.Admission;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// Sets each body's expected verdict from one in-process evaluation, one request at a time, before any load: the
/// load then checks that concurrency and the HTTPS path change no answer. The reference itself is checked against
/// the samples' labels, so a wrong engine cannot pass as its own yardstick.
/// </summary>
internal static class ReferenceVerdicts
{
    /// <summary>Returns one line per body whose reference verdict contradicts its label or failed to evaluate.</summary>
    public static List<string> Apply(IReadOnlyList<ReviewBody> bodies, PolicySources sources)
    {
        var policy = AdmissionPolicy.Load(sources);
        var settings = new EvaluationSettings();
        var disagreements = new List<string>();
        foreach (var body in bodies)
        {
            var request = AdmissionRequest.Decode(body.WithUid(Guid.NewGuid().ToString()));
            var decision = Validator.Validate(policy, request, settings);
            body.ExpectAllowed = decision.Allowed;
            var sample = body.Sample;
            if (decision.Failures.Count > 0)
            {
                disagreements.Add($"{sample.Name}: evaluation failed: {decision.Failures[0].Rule}: {decision.Failures[0].Error}");
                continue;
            }

            // A library object is judged by its own sample constraint; the other nineteen may add denials of their own.
            var deniedByOwnRules = sample.Constraint is { } constraint
                ? decision.Denials.Any(d => d.StartsWith($"[{constraint}] ", StringComparison.Ordinal))
                : !decision.Allowed;
            if (deniedByOwnRules != sample.Denied)
            {
                disagreements.Add($"{sample.Name}: labelled {(sample.Denied ? "denied" : "allowed")}, evaluated {(decision.Allowed ? "allowed" : "denied: " + decision.Message.ReplaceLineEndings(" | "))}");
            }
        }

        return disagreements;
    }
}
