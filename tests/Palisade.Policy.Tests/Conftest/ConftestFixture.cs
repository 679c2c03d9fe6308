using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;
using Palisade.Policy.Conftest;

namespace Palisade.Policy.Tests.Conftest;

/// <summary>A temporary folder of policies and inputs, and a way to run palisade test's engine over it.</summary>
public sealed class ConftestFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("palisade-conftest-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public TestRun Run(ConftestOptions options, params string[] inputs)
    {
        options = options with { Policies = options.Policies.Select(PathOf).ToList(), Data = options.Data.Select(PathOf).ToList() };
        var reader = new ManifestReader();
        var policy = ConftestPolicy.Load(options, reader);
        var inputReader = new InputReader(reader, options.Parser, options.Ignore);
        return new ConftestRunner(policy, options).Run(inputReader.Find(inputs.Select(PathOf)), inputReader);
    }

    public CheckReport Check(params string[] inputs) => Run(new ConftestOptions(), inputs).Report;
}
