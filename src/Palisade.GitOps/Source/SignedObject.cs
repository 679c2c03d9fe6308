using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

internal enum SignatureFormat
{
    None,
    Ssh,
    OpenPgp,
    X509,
}

/// <summary>A commit or tag object of the mirror, and the kind of signature it carries.</summary>
internal sealed record SignedObject(string Kind, string Id, string Description, SignatureFormat Format)
{
    public static async Task<SignedObject> ReadAsync(GitMirror mirror, string kind, string id, string description, CancellationToken cancellation)
    {
        var raw = await mirror.RunAsync(["cat-file", kind, id], cancellation).ConfigureAwait(false);
        if (!raw.Succeeded)
        {
            throw new SourceException(RefusalReason.Other, $"{description} could not be read from mirror {mirror.Directory}: {raw.ErrorLine}");
        }

        return new SignedObject(kind, id, description, FormatOf(kind, raw.Text));
    }

    // A commit's signature is a gpgsig header; a tag's is appended to its message. Looking only there keeps a
    // commit message that quotes a signature from counting as one.
    private static SignatureFormat FormatOf(string kind, string text)
    {
        string? signature;
        if (kind == "commit")
        {
            var headers = text.Split("\n\n", 2)[0];
            var start = headers.IndexOf("\ngpgsig", StringComparison.Ordinal);
            signature = start < 0 ? null : headers[start..];
        }
        else
        {
            var start = text.LastIndexOf("\n-----BEGIN ", StringComparison.Ordinal);
            signature = start < 0 ? null : text[start..];
        }

        return signature switch
        {
            null => SignatureFormat.None,
            _ when signature.Contains("-----BEGIN SSH SIGNATURE-----", StringComparison.Ordinal) => SignatureFormat.Ssh,
            _ when signature.Contains("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal) => SignatureFormat.OpenPgp,
            _ when signature.Contains("-----BEGIN SIGNED MESSAGE-----", StringComparison.Ordinal) => SignatureFormat.X509,
            _ => SignatureFormat.None,
        };
    }
}
