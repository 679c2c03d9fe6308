using System.Globalization;

namespace Palisade.Kube.Manifests;

/// <summary>
/// Where a node sits inside its object, printed the way Kubernetes prints field paths so a message can be
/// matched with what the API server says: <c>spec.ingress[0].action</c>, <c>metadata.labels[app.kubernetes.io/name]</c>.
/// </summary>
public readonly record struct FieldPath(string Text)
{
    public static FieldPath Root { get; } = new(string.Empty);

    public bool IsRoot => string.IsNullOrEmpty(Text);

    /// <summary>A named field of an object.</summary>
    public FieldPath Child(string name) => new(IsRoot ? name : Text + "." + name);

    /// <summary>An item of a list.</summary>
    public FieldPath Index(int index) => new((Text ?? string.Empty) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    /// <summary>An entry of a map whose keys are data (labels, annotations, additionalProperties), not field names.</summary>
    public FieldPath Key(string key) => new((Text ?? string.Empty) + "[" + key + "]");

    /// <summary>The message with this path in front, as every diagnostic about a field is written.</summary>
    public string Prefix(string message) => IsRoot ? message : Text + ": " + message;

    public override string ToString() => Text ?? string.Empty;
}
