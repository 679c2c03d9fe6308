using System.Text.Json.Nodes;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// One object the benchmark posts, with what its source says of it: <paramref name="Denied"/> is the verdict its own
/// rules give. <paramref name="Constraint"/> names the sample constraint a library object belongs to; other chosen
/// constraints may deny it too, so for those only that constraint's own message is checked against the label.
/// </summary>
internal sealed record Sample(string Name, JsonObject Object, bool Denied, string? Constraint);
