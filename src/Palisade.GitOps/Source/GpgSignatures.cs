using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// Checks OpenPGP signatures against the public keys of a folder, imported into a keyring of their own for each
/// check so that nothing else the machine trusts is accepted.
/// </summary>
internal static class GpgSignatures
{
    public static async Task<SignatureCheck> CheckAsync(GitMirror mirror, SignedObject signed, string? keysDirectory, CancellationToken cancellation)
    {
        if (keysDirectory is null)
        {
            return SignatureCheck.Refused($"{signed.Description} is signed with an OpenPGP key, but no GPG key folder is configured");
        }

        if (!Directory.Exists(keysDirectory))
        {
            return SignatureCheck.Refused($"GPG key folder {keysDirectory} does not exist");
        }

        var keyFiles = Directory.EnumerateFiles(keysDirectory)
            .Where(f => f.EndsWith(".asc", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".gpg", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (keyFiles.Count == 0)
        {
            return SignatureCheck.Refused($"GPG key folder {keysDirectory} holds no *.asc or *.gpg key");
        }

        using var keyring = GpgKeyring.Create();
        var environment = new Dictionary<string, string> { ["GNUPGHOME"] = keyring.Directory };
        var gpg = new GitProcess(keyring.Directory, mirror.Timeout, environment, program: "gpg");
        var import = await gpg.RunAsync(["--batch", "--no-tty", "--import", .. keyFiles], cancellation).ConfigureAwait(false);
        if (import.ExitCode != 0)
        {
            return SignatureCheck.Refused($"GPG key folder {keysDirectory}: keys could not be imported: {import.ErrorLine}");
        }

        var result = await mirror.RunAsync([$"verify-{signed.Kind}", "--raw", signed.Id], cancellation, environment).ConfigureAwait(false);
        return GpgStatus.Interpret(signed, result.Error, result.ExitCode);
    }
}
