namespace Palisade.GitOps;

/// <summary>Where <c>palisade sync</c> keeps its state (the audit log among it), shared by the commands that read it.</summary>
public static class StateDirectory
{
    /// <summary>Relative to the current folder, so a controller run from a repository checkout keeps its state beside it.</summary>
    public const string Default = ".palisade";
}
