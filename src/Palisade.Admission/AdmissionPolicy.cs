using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.Admission;

/// <summary>
/// Every rule the webhook enforces, loaded and compiled at once. Immutable: a reload builds a new one and swaps it in,
/// so a request sees either the old rules or the new ones, never a mix.
/// </summary>
public sealed class AdmissionPolicy
{
    private AdmissionPolicy(ConftestPolicy? conftest, IReadOnlyList<TemplateConstraints> constraints, DateTimeOffset loadedAt)
    {
        Conftest = conftest;
        Constraints = constraints;
        LoadedAt = loadedAt;
    }

    /// <summary>The conftest rules, as <c>palisade test</c> checks them; null without <c>--policy</c>.</summary>
    public ConftestPolicy? Conftest { get; }

    /// <summary>The Gatekeeper templates with their constraints, by kind.</summary>
    public IReadOnlyList<TemplateConstraints> Constraints { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Loads the sources; any error is a <see cref="PolicyLoadException"/> whose message names the file.</summary>
    public static AdmissionPolicy Load(PolicySources sources)
    {
        if (sources.PolicyDir is null && sources.TemplatesDir is null)
        {
            throw new PolicyLoadException("no policies: give a policy folder, a templates folder, or both");
        }

        try
        {
            var conftest = sources.PolicyDir is { } dir ? LoadConftest(dir, sources) : null;
            var constraints = sources.TemplatesDir is { } templates ? ConstraintSet.Load(templates) : [];
            return new AdmissionPolicy(conftest, constraints, DateTimeOffset.UtcNow);
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            throw new PolicyLoadException(message, ex);
        }
    }

    private static ConftestPolicy LoadConftest(string dir, PolicySources sources)
    {
        if (!Directory.Exists(dir))
        {
            throw new PolicyLoadException($"{dir}: no such policy folder");
        }

        // Rules read files (parse_config_file) only from their own folder: never the serving key beside it.
        return ConftestPolicy.Load(new ConftestOptions { Policies = [dir], Namespaces = sources.Namespaces, AllNamespaces = sources.AllNamespaces, FileRoot = dir });
    }

    /// <summary>The one-line message for errors bad policy files cause; null for anything else, which is a bug.</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        PolicyLoadException => null,
        ConftestException or GatekeeperException or ManifestException or RegoParseException or InvalidDataException => ex.Message,
        RegoException rego => rego.ToString(),
        IOException or UnauthorizedAccessException => ex.Message,
        _ => null,
    };
}
