namespace Palisade.Sandbox;

/// <summary>One kind of object the sandbox serves, as its discovery documents describe it.</summary>
/// <param name="Group">API group; empty for the core group.</param>
public sealed record SandboxResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The singular name kubectl accepts; the lower-case kind unless set.</summary>
    public string SingularName { get; init; } = Kind.ToLowerInvariant();

    /// <summary>group/version, or only the version for the core group, as apiVersion spells it.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>plural.group, or only the plural for the core group, as the API server names a resource in its messages.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The resources served when <see cref="SandboxOptions.Resources"/> is null.</summary>
    public static IReadOnlyList<SandboxResource> Defaults { get; } = DefaultResources.Create();
}
