using System.Text;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// The environment that lets git authenticate to the remote. Tokens travel in GIT_CONFIG_* variables, never on a
/// command line where other users of the machine could read them; ssh runs in batch mode with the configured key.
/// </summary>
internal sealed class GitCredentials
{
    private readonly GitSourceOptions _options;
    private readonly Transport _transport;
    private readonly string _mirror;

    private GitCredentials(GitSourceOptions options, Transport transport, string mirror)
    {
        _options = options;
        _transport = transport;
        _mirror = mirror;
    }

    /// <summary>Checks that the credentials fit the URL and exist, so that a mistake shows when the source is opened.</summary>
    public static GitCredentials For(GitSourceOptions options, Transport transport, string mirror)
    {
        var url = options.Url;
        var hasToken = options.TokenFile is not null || options.TokenEnvironmentVariable is not null;
        if (options.TokenFile is not null && options.TokenEnvironmentVariable is not null)
        {
            throw new SourceException(RefusalReason.Other, $"source {url}: give a token file or a token variable, not both");
        }

        if (hasToken && transport != Transport.Https)
        {
            // Over plain http the token would cross the network readable; over ssh or file it means nothing.
            throw new SourceException(RefusalReason.Other, $"source {url}: a token is only sent to https URLs");
        }

        if (options.TokenFile is { } tokenFile && !File.Exists(tokenFile))
        {
            throw new SourceException(RefusalReason.Other, $"token file {tokenFile} does not exist");
        }

        if (options.TokenEnvironmentVariable is { } variable && string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(variable)))
        {
            throw new SourceException(RefusalReason.Other, $"token variable {variable} is not set");
        }

        if (options.CaFile is not null && transport != Transport.Https)
        {
            throw new SourceException(RefusalReason.Other, $"source {url}: a CA file is only used for https URLs");
        }

        if ((options.SshKeyFile is not null || options.KnownHostsFile is not null) && transport != Transport.Ssh)
        {
            throw new SourceException(RefusalReason.Other, $"source {url}: an ssh key or known_hosts file is only used for ssh URLs");
        }

        foreach (var (what, file) in new[] { ("CA file", options.CaFile), ("ssh key file", options.SshKeyFile), ("known_hosts file", options.KnownHostsFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                throw new SourceException(RefusalReason.Other, $"{what} {file} does not exist");
            }
        }

        return new GitCredentials(options, transport, mirror);
    }

    /// <summary>Variables for one fetch; the token is read again each time so that a rotated secret takes effect.</summary>
    public IReadOnlyDictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>();
        var settings = new List<(string Key, string Value)>();
        if (_transport == Transport.Https)
        {
            // Scoped to the remote's origin, so that a redirect elsewhere receives neither the token nor the trust.
            var uri = new Uri(_options.Url);
            var origin = $"http.{uri.Scheme}://{uri.Authority}/";
            if (Token() is { } token)
            {
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{token}"));
                settings.Add((origin + ".extraHeader", $"Authorization: Basic {basic}"));
            }

            if (_options.CaFile is { } caFile)
            {
                settings.Add((origin + ".sslCAInfo", Path.GetFullPath(caFile)));
            }
        }

        if (settings.Count > 0)
        {
            variables["GIT_CONFIG_COUNT"] = settings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < settings.Count; i++)
            {
                variables[$"GIT_CONFIG_KEY_{i}"] = settings[i].Key;
                variables[$"GIT_CONFIG_VALUE_{i}"] = settings[i].Value;
            }
        }

        if (_transport == Transport.Ssh)
        {
            variables["GIT_SSH_COMMAND"] = SshCommand();
        }

        return variables;
    }

    private string? Token()
    {
        string? token;
        if (_options.TokenFile is { } file)
        {
            try
            {
                token = File.ReadAllText(file).Trim();
            }
            catch (IOException ex)
            {
                throw new SourceException(RefusalReason.FetchFailed, $"token file {file} could not be read: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new SourceException(RefusalReason.FetchFailed, $"token file {file} could not be read: {ex.Message}");
            }
        }
        else if (_options.TokenEnvironmentVariable is { } variable)
        {
            token = System.Environment.GetEnvironmentVariable(variable)?.Trim();
        }
        else
        {
            return null;
        }

        return string.IsNullOrEmpty(token)
            ? throw new SourceException(RefusalReason.FetchFailed, $"the token for {_options.Url} is empty")
            : token;
    }

    // git runs GIT_SSH_COMMAND through a shell, so every path is single-quoted.
    private string SshCommand()
    {
        var command = new StringBuilder("ssh -o BatchMode=yes");
        if (_options.SshKeyFile is { } key)
        {
            command.Append(" -i ").Append(Quote(Path.GetFullPath(key))).Append(" -o IdentitiesOnly=yes");
        }

        var strict = _options.KnownHostsFile is not null;
        var knownHosts = _options.KnownHostsFile ?? Path.Combine(_mirror, "known_hosts");
        command.Append(" -o UserKnownHostsFile=").Append(Quote(Path.GetFullPath(knownHosts)));
        command.Append(" -o StrictHostKeyChecking=").Append(strict ? "yes" : "accept-new");
        return command.ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
