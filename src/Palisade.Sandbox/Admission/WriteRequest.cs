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
    bool DryRun);
