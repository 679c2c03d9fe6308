using System.Text.RegularExpressions;

namespace Palisade.GitOps.Source;

/// <summary>Checks SSH signatures with git verify-commit/verify-tag against an allowed_signers file.</summary>
internal static partial class SshSignatures
{
    public static async Task<SignatureCheck> CheckAsync(GitMirror mirror, SignedObject signed, string? allowedSignersFile, CancellationToken cancellation)
    {
        if (allowedSignersFile is null)
        {
            return SignatureCheck.Refused($"{signed.Description} is signed with an SSH key, but no allowed signers file is configured");
        }

        var file = Path.GetFullPath(allowedSignersFile);
        if (!File.Exists(file))
        {
            return SignatureCheck.Refused($"allowed signers file {allowedSignersFile} does not exist");
        }

        var result = await mirror.RunAsync(["-c", $"gpg.ssh.allowedSignersFile={file}", $"verify-{signed.Kind}", "--raw", signed.Id], cancellation).ConfigureAwait(false);
        // ssh-keygen reports on stderr: 'Good "git" signature for <principal> with <type> key SHA256:…'.
        var good = GoodSignature().Match(result.Error);
        if (result.ExitCode == 0 && good.Success)
        {
            return SignatureCheck.Verified(new VerifiedSignature(signed.Kind, signed.Id, "ssh", good.Groups["principal"].Value, good.Groups["fingerprint"].Value));
        }

        // Without an allowed principal git still checks the signature itself and names the key that made it.
        var key = AnyKey().Match(result.Error);
        return key.Success && result.Error.Contains("No principal matched", StringComparison.Ordinal)
            ? SignatureCheck.Refused($"{signed.Description} is signed by a key that is not allowed ({key.Groups["fingerprint"].Value})")
            : SignatureCheck.Refused($"{signed.Description} has an SSH signature that does not verify: {result.ErrorLine}");
    }

    [GeneratedRegex(@"Good ""git"" signature for (?<principal>\S+) with \S+ key (?<fingerprint>SHA256:\S+)")]
    private static partial Regex GoodSignature();

    [GeneratedRegex(@"with \S+ key (?<fingerprint>SHA256:\S+)")]
    private static partial Regex AnyKey();
}
