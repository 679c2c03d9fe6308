namespace Palisade.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> starts.</summary>
public sealed record SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 takes any free port.</summary>
    public int Port { get; init; }

    /// <summary>Folder where objects are saved as JSON and reloaded from on start; null keeps them in memory only.</summary>
    public string? PersistDirectory { get; init; }

    /// <summary>The resources served; null serves <see cref="SandboxResource.Defaults"/>.</summary>
    public IReadOnlyList<SandboxResource>? Resources { get; init; }

    /// <summary>How many past watch events are kept to resume watches from an older resourceVersion.</summary>
    public int WatchHistoryLimit { get; init; } = 10_000;

    /// <summary>How often watches that allow bookmarks get one; null is one minute, as kube-apiserver does.</summary>
    public TimeSpan? BookmarkInterval { get; init; }
}
