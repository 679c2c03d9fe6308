namespace Palisade.Cli;

/// <summary>Process exit codes shared by the commands.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input is wrong or a check failed; the message says which file and line.</summary>
    public const int Failure = 1;
}
