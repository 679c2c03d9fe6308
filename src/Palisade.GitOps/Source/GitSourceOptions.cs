namespace Palisade.GitOps.Source;

/// <summary>Where a sync reads its files from, how it authenticates, and how much it is willing to read.</summary>
public sealed record GitSourceOptions
{
    /// <summary>https://, http://, ssh://, git@host:path, file://, or a local folder (read from its committed HEAD).</summary>
    public required string Url { get; init; }

    /// <summary>Branch, tag, or full or short commit; null means the remote's HEAD branch (for a local folder: its HEAD).</summary>
    public string? Ref { get; init; }

    /// <summary>Folder inside the repository; files are read below it and keyed relative to it.</summary>
    public string Path { get; init; } = "";

    /// <summary>File holding an https access token; read again on every fetch so that rotated tokens are picked up.</summary>
    public string? TokenFile { get; init; }

    public string? TokenEnvironmentVariable { get; init; }

    /// <summary>PEM file of the certificate authorities an https remote's certificate must chain to (a private git server); without it, the system's.</summary>
    public string? CaFile { get; init; }

    public string? SshKeyFile { get; init; }

    /// <summary>With it, host keys are checked strictly; without it, the first key seen is remembered in the mirror.</summary>
    public string? KnownHostsFile { get; init; }

    public int MaxFiles { get; init; } = 10_000;

    public long MaxFileBytes { get; init; } = 1 << 20;

    public long MaxTotalBytes { get; init; } = 64L << 20;

    /// <summary>Limit for each git command, so that a stalled remote cannot stall the sync.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
