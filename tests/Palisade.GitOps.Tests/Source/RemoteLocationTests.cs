using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class RemoteLocationTests
{
    [Theory]
    [InlineData("fatal: unable to access 'https://ana:tok3n@git.example.com/net.git/': 403", "fatal: unable to access 'https://git.example.com/net.git/': 403")]
    [InlineData("https://ghp_abc123@github.com/net/policy.git and http://u:p@h/x", "https://github.com/net/policy.git and http://h/x")]
    [InlineData("ssh://git@git.example.com/net.git", "ssh://git@git.example.com/net.git")]
    [InlineData("ssh://git:hunter2@git.example.com/net.git", "ssh://git.example.com/net.git")]
    [InlineData("https://git.example.com/net.git?access_token=abc&x=1", "https://git.example.com/net.git?access_token=***&x=1")]
    [InlineData("Authorization: Basic eC1hY2Nlc3M6c2VjcmV0", "Authorization: Basic ***")]
    [InlineData("git@git.example.com:net/policy.git", "git@git.example.com:net/policy.git")]
    public void CredentialsAreRemovedFromUrlsAnywhereInText(string text, string redacted)
    {
        Assert.Equal(redacted, RemoteLocation.Redact(text));
    }
}
