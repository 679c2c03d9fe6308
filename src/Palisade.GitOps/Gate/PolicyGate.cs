using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.GitOps.Gate;

/// <summary>
/// The governance check a revision must pass before anything of it is applied: <c>palisade test</c> with the
/// repository's own Rego rules on the repository's own manifests, exactly as CI runs it. A failure refuses the
/// revision; warnings do not, as they do not fail <c>palisade test</c>.
/// </summary>
/// <param name="policyPath">The folder of Rego rules, relative to the repository root.</param>
/// <param name="namespaces">The Rego packages to check, as <c>palisade test --namespace</c> (default <c>main</c>).</param>
public sealed class PolicyGate(string policyPath, IReadOnlyList<string>? namespaces = null)
{
    public string PolicyPath { get; } = policyPath.Trim('/');

    /// <summary>
    /// The longest one rule may run on one manifest. The rules come from the repository, so a rule that never ends
    /// (or runs for minutes) must refuse the revision rather than stall the controller.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>True when the revision has the gate's policy folder at all.</summary>
    public bool AppliesTo(IReadOnlyDictionary<string, byte[]> files) => HasRules(files, PolicyPath);

    /// <summary>True when <paramref name="policyPath"/> holds Rego files in the revision.</summary>
    public static bool HasRules(IReadOnlyDictionary<string, byte[]> files, string policyPath) =>
        files.Keys.Any(path => path.StartsWith(policyPath.Trim('/') + "/", StringComparison.Ordinal) && path.EndsWith(".rego", StringComparison.Ordinal));

    /// <summary>
    /// Checks the manifest files the objects came from. The revision's files are written to <paramref name="workDirectory"/>
    /// (emptied first) because policies and data are loaded from files; the violations name repository paths.
    /// </summary>
    public IReadOnlyList<Problem> Check(IReadOnlyDictionary<string, byte[]> files, IEnumerable<string> manifestPaths, string workDirectory)
    {
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        Directory.CreateDirectory(workDirectory);
        foreach (var (path, bytes) in files)
        {
            var target = Path.GetFullPath(Path.Combine(workDirectory, path));
            if (!target.StartsWith(Path.GetFullPath(workDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return [new Problem(RefusalReason.PathEscape, "the path leaves the repository", path)];
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }

        var options = new ConftestOptions
        {
            Policies = [Path.Combine(workDirectory, PolicyPath)],
            Namespaces = namespaces ?? ["main"],
            QueryTimeout = QueryTimeout,
            FileRoot = workDirectory,
        };
        var prefix = Path.GetFullPath(workDirectory) + Path.DirectorySeparatorChar;
        string Relative(string file) => file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
        try
        {
            var reader = new ManifestReader();
            var policy = ConftestPolicy.Load(options, reader);
            var inputs = new InputReader(reader, parser: null, ignore: null);
            var paths = manifestPaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(p => Path.Combine(workDirectory, p)).ToList();
            var report = new ConftestRunner(policy, options).Run(paths, inputs).Report;
            return report.Files
                .SelectMany(file => file.Failures.Select(failure => new Problem(
                    RefusalReason.PolicyViolation,
                    failure.Message,
                    Relative(failure.Location?.File ?? file.FileName),
                    failure.Location?.Line ?? 0,
                    failure.Query)))
                .ToList();
        }
        catch (Exception ex) when (ex is ConftestException or ManifestException or RegoException or RegoParseException or InvalidDataException)
        {
            var message = ex.Message.Replace(prefix, string.Empty, StringComparison.Ordinal);
            return [new Problem(RefusalReason.PolicyViolation, "the governance policies cannot run: " + message, PolicyPath)];
        }
    }
}
