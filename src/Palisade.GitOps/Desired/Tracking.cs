using System.Text.Json.Nodes;

namespace Palisade.GitOps.Desired;

/// <summary>
/// The marks Palisade puts on every object it applies. The label lets it list and watch exactly its own objects, and
/// lets prune tell them from objects someone else made; the annotation says which file the object came from.
/// </summary>
public static class Tracking
{
    public const string FieldManager = "palisade";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "palisade";
    public const string SyncLabel = "palisade.io/sync";
    public const string SourceAnnotation = "palisade.io/source";

    /// <summary>The label selector of one sync's objects.</summary>
    public static string Selector(string syncName) => $"{ManagedByLabel}={ManagedByValue},{SyncLabel}={syncName}";

    public static bool IsManagedBy(JsonObject obj, string syncName) =>
        (obj["metadata"]?["labels"] as JsonObject) is { } labels &&
        labels[ManagedByLabel]?.GetValue<string>() == ManagedByValue &&
        labels[SyncLabel]?.GetValue<string>() == syncName;

    /// <summary>Adds the sync's label and the source annotation to <paramref name="body"/>'s metadata.</summary>
    public static void Mark(JsonObject body, string syncName, string sourcePath)
    {
        var metadata = body["metadata"] as JsonObject ?? [];
        body["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels[ManagedByLabel] = ManagedByValue;
        labels[SyncLabel] = syncName;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[SourceAnnotation] = sourcePath;
    }
}
