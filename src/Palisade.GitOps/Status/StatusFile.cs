using System.Text.Json;
using System.Text.Json.Serialization;

namespace Palisade.GitOps.Status;

/// <summary>
/// The sync's status, kept as <c>status.json</c> in the state folder so <c>palisade status</c> can read it from another
/// process. Written to a temporary file and renamed, so a reader never sees half of it.
/// </summary>
public static class StatusFile
{
    public const string FileName = "status.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string PathIn(string stateDirectory) => System.IO.Path.Combine(stateDirectory, FileName);

    public static void Write(string stateDirectory, SyncStatus status)
    {
        Directory.CreateDirectory(stateDirectory);
        var target = PathIn(stateDirectory);
        var temporary = target + ".tmp";
        File.WriteAllText(temporary, Serialize(status));
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The status in the folder; null when no sync has written one there.</summary>
    public static SyncStatus? Read(string stateDirectory)
    {
        var path = PathIn(stateDirectory);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<SyncStatus>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: not a status file")
            : null;
    }

    public static string Serialize(SyncStatus status) => JsonSerializer.Serialize(status, Json);
}
