using System.Text.RegularExpressions;

namespace Palisade.GitOps.Source;

/// <summary>Keeps credentials out of every message and log line that mentions a repository.</summary>
public static partial class RemoteLocation
{
    /// <summary>Removes user:password@ (and a bare token used as the user) from URLs, token query parameters and authorization headers anywhere in <paramref name="text"/>.</summary>
    public static string Redact(string text)
    {
        var redacted = UserInfo().Replace(text, m =>
            // ssh://git@host names an account, not a secret; anything with a password, or any user of http(s), may be a token.
            m.Groups["scheme"].Value.Equals("ssh://", StringComparison.OrdinalIgnoreCase) && !m.Groups["user"].Value.Contains(':')
                ? m.Value
                : m.Groups["scheme"].Value);
        redacted = TokenParameter().Replace(redacted, "${name}***");
        return AuthorizationHeader().Replace(redacted, "${name}***");
    }

    [GeneratedRegex(@"(?<scheme>\b[a-z][a-z0-9+.-]*://)(?<user>[^/@\s]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<name>[?&](?:access_token|private_token|token|password)=)[^&\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();

    [GeneratedRegex(@"(?<name>authorization:\s*\w+\s+)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();
}
