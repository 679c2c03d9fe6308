namespace Palisade.GitOps.Tests.Support;

/// <summary>An ed25519 key pair made with ssh-keygen, and its line for an allowed_signers file.</summary>
internal sealed class SshKey
{
    public SshKey(string folder, string name)
    {
        PrivateKey = System.IO.Path.Combine(folder, name);
        Tools.Run("ssh-keygen", folder, null, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", PrivateKey);
        PublicKey = File.ReadAllText(PrivateKey + ".pub").Trim();
        Fingerprint = Tools.Run("ssh-keygen", folder, null, "-l", "-E", "sha256", "-f", PrivateKey + ".pub").Split(' ')[1];
    }

    public string PrivateKey { get; }

    public string PublicKey { get; }

    /// <summary>"SHA256:…", as ssh-keygen -l prints it.</summary>
    public string Fingerprint { get; }

    public string AllowedSignersLine(string principal) => $"{principal} {PublicKey}";
}
