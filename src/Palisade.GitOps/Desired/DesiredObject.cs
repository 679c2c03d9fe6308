using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;
using Palisade.Kube.Manifests;

namespace Palisade.GitOps.Desired;

/// <summary>An object as Git wants it: its identity, its kind's type, the body to apply, and where it was written.</summary>
public sealed record DesiredObject(ObjectKey Key, ResourceType Type, JsonObject Body, SourceLocation Source);
