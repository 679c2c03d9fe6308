using System.Text.Json.Nodes;

namespace Palisade.Sandbox;

/// <summary>A write about to be stored, as the admission checks see it.</summary>
/// <param name="Object">The object as it would be stored; null for a delete.</param>
/// <param name="OldObject">The stored object before the write; null for a create.</param>
/// <param name="FieldManager">The manager the write is recorded under; null for a delete.</param>
public sealed record WriteRequest(
    WriteOperation Operation,
    SandboxResource Resource,
    string? Namespace,
    string Name,
    JsonObject? Object,
    JsonObject? OldObject,
    string? FieldManager,
    bool DryRun)
{
    private readonly List<string> warnings = [];

    /// <summary>Warnings checks added for the client, sent as <c>Warning: 299 - "…"</c> headers whether or not the write is refused.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (warnings)
            {
                return [.. warnings];
            }
        }
    }

    /// <summary>Adds a warning for the client; one already added is not repeated, as kube-apiserver sends each once.</summary>
    public void AddWarning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (warnings)
        {
            if (!warnings.Contains(text))
            {
                warnings.Add(text);
            }
        }
    }
}
