using k8s.Exceptions;
using Palisade.Kube.Cluster;

namespace Palisade.Kube.Tests.Cluster;

public sealed class KubeconfigsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-kubeconfigs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("garbage\n")]
    [InlineData("")]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: {not: a list}\n")]
    public void A_file_that_is_not_a_kubeconfig_is_one_error_naming_it(string content)
    {
        var path = Path.Combine(_dir, "kubeconfig");
        File.WriteAllText(path, content);

        var error = Assert.Throws<KubeConfigException>(() => Kubeconfigs.Load(path));

        Assert.Equal($"kubeconfig {path} is not a kubeconfig file (YAML with clusters, users and contexts)", error.Message);
    }

    [Fact]
    public void A_missing_file_is_the_client_librarys_own_error_naming_it()
    {
        var path = Path.Combine(_dir, "none");

        var error = Assert.Throws<KubeConfigException>(() => Kubeconfigs.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
