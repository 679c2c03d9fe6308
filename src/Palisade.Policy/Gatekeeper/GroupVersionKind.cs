namespace Palisade.Policy.Gatekeeper;

/// <summary>An object's API group, version and kind, from its <c>apiVersion</c> (<c>group/version</c>, or <c>version</c> for the core group).</summary>
public sealed record GroupVersionKind(string Group, string Version, string Kind)
{
    public static GroupVersionKind Parse(string? apiVersion, string? kind)
    {
        apiVersion ??= string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new GroupVersionKind(string.Empty, apiVersion, kind ?? string.Empty)
            : new GroupVersionKind(apiVersion[..slash], apiVersion[(slash + 1)..], kind ?? string.Empty);
    }

    /// <summary>The <c>apiVersion</c> form, the key Gatekeeper files inventory objects under.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Gatekeeper treats only the core group's Namespace as a namespace.</summary>
    public bool IsNamespace => Group.Length == 0 && Kind == "Namespace";
}
