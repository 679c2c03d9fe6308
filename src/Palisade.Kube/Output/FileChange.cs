namespace Palisade.Kube.Output;

public enum FileChangeKind
{
    Create,
    Update,
    Delete,
}

/// <summary>A difference between the files an output folder holds and the files it should hold.</summary>
public sealed record FileChange(string RelativePath, FileChangeKind Kind, string? OldContent, string? NewContent);

/// <summary>A file a generator wants in its output folder.</summary>
public sealed record PlannedFile(string RelativePath, string Content);
