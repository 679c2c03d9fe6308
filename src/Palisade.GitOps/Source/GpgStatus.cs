namespace Palisade.GitOps.Source;

/// <summary>
/// The verdict of gpg's machine-readable status lines ("[GNUPG:] GOODSIG …", see gpg's doc/DETAILS), which git
/// verify-commit --raw passes through. Only a GOODSIG with its VALIDSIG and nothing worse counts as verified.
/// </summary>
internal static class GpgStatus
{
    public static SignatureCheck Interpret(SignedObject signed, string status, int exitCode)
    {
        var lines = status.Split('\n')
            .Where(l => l.StartsWith("[GNUPG:] ", StringComparison.Ordinal))
            .Select(l => l["[GNUPG:] ".Length..].Split(' '))
            .ToList();
        string[]? Find(string keyword) => lines.FirstOrDefault(l => l[0] == keyword);

        if (Find("BADSIG") is not null)
        {
            return SignatureCheck.Refused($"{signed.Description} has an OpenPGP signature that does not match its content");
        }

        if (Find("EXPKEYSIG") is { } expired)
        {
            return SignatureCheck.Refused($"{signed.Description} is signed by an expired key ({expired.ElementAtOrDefault(1)})");
        }

        if (Find("REVKEYSIG") is { } revoked)
        {
            return SignatureCheck.Refused($"{signed.Description} is signed by a revoked key ({revoked.ElementAtOrDefault(1)})");
        }

        if (Find("EXPSIG") is not null)
        {
            return SignatureCheck.Refused($"{signed.Description} has an expired OpenPGP signature");
        }

        if (Find("ERRSIG") is { } error)
        {
            // ERRSIG <keyid> <algo> <hash> <class> <time> <rc> [<fingerprint>]; rc 9 is a missing public key.
            var key = error.ElementAtOrDefault(7) is { Length: > 1 } fingerprint ? fingerprint : error.ElementAtOrDefault(1);
            return error.ElementAtOrDefault(6) == "9"
                ? SignatureCheck.Refused($"{signed.Description} is signed by a key that is not allowed ({key})")
                : SignatureCheck.Refused($"{signed.Description} has an OpenPGP signature that cannot be checked ({key})");
        }

        if (exitCode == 0 && Find("GOODSIG") is { Length: > 2 } good && Find("VALIDSIG") is { Length: > 1 } valid)
        {
            // VALIDSIG's last field is the primary key's fingerprint, the one a key folder is organised by.
            var primary = valid.Length > 10 ? valid[10] : valid[1];
            return SignatureCheck.Verified(new VerifiedSignature(signed.Kind, signed.Id, "openpgp", string.Join(' ', good[2..]), primary));
        }

        return SignatureCheck.Refused($"{signed.Description} has an OpenPGP signature that does not verify");
    }
}
