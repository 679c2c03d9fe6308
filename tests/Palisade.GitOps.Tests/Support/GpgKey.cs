namespace Palisade.GitOps.Tests.Support;

/// <summary>An OpenPGP key generated in batch mode in its own GNUPGHOME, with its armored public key.</summary>
internal sealed class GpgKey : IDisposable
{
    private readonly TempFolder _home = new();

    public GpgKey(string userId)
    {
        Run("--batch", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never");
        Fingerprint = Run("--with-colons", "--list-keys", userId).Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        PublicKey = Run("--armor", "--export", Fingerprint);
    }

    public string Fingerprint { get; }

    public string PublicKey { get; }

    /// <summary>Runs git with this key's GNUPGHOME, so that commit -S and tag -s find the secret key.</summary>
    public string Git(string directory, params string[] arguments) =>
        Tools.Run("git", directory, Environment(), arguments);

    public void Dispose()
    {
        try
        {
            Tools.Run("gpgconf", _home.Path, Environment(), "--kill", "all");
        }
        catch (InvalidOperationException)
        {
            // No agent was running.
        }

        _home.Dispose();
    }

    private string Run(params string[] arguments) => Tools.Run("gpg", _home.Path, Environment(), arguments);

    private Dictionary<string, string> Environment() => new() { ["GNUPGHOME"] = _home.Path };
}
