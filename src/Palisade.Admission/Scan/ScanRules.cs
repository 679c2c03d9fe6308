using Palisade.Policy.Conftest;

namespace Palisade.Admission.Scan;

/// <summary>What a scan checks objects against: conftest rules (as <c>palisade test</c> loads them), Gatekeeper constraints, or both.</summary>
public sealed record ScanRules(ConftestPolicy? Conftest, ConftestOptions Options, IReadOnlyList<TemplateConstraints> Constraints);
