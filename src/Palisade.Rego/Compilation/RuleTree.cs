namespace Palisade.Rego.Compilation;

/// <summary>
/// The virtual documents under data, by path: a node per path segment, holding the rules defined at it.
/// Base documents (plain data) are looked up beside it at evaluation.
/// </summary>
internal sealed class RuleTree
{
    public RuleTree(string? segment, RuleTree? parent)
    {
        Segment = segment;
        Parent = parent;
    }

    public string? Segment { get; }

    public RuleTree? Parent { get; }

    public Dictionary<string, RuleTree> Children { get; } = new(StringComparer.Ordinal);

    public List<CompiledRule> Rules { get; } = [];

    public List<CompiledRule> Defaults { get; } = [];

    /// <summary>An index over <see cref="Rules"/> by the input field they test, when they share one.</summary>
    public RuleIndex? Index { get; set; }

    public bool HasRules => Rules.Count > 0 || Defaults.Count > 0;

    /// <summary>True when a module declares this path as its package (its document exists even without rules).</summary>
    public bool IsPackage { get; set; }

    /// <summary>True when this node or one below it holds rules or is a package.</summary>
    public bool HasVirtualContent => HasRules || IsPackage || Children.Values.Any(c => c.HasVirtualContent);

    public bool IsFunction => Rules.Count > 0 && Rules[0].Shape == RuleShape.Function
        || Defaults.Count > 0 && Defaults[0].Arguments is not null;

    public RuleTree Child(string segment)
    {
        if (!Children.TryGetValue(segment, out var child))
        {
            child = new RuleTree(segment, this);
            Children.Add(segment, child);
        }

        return child;
    }

    public RuleTree? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var segment in path)
        {
            if (!node.Children.TryGetValue(segment, out node!))
            {
                return null;
            }
        }

        return node;
    }

    public IReadOnlyList<string> Path
    {
        get
        {
            var path = new List<string>();
            for (var node = this; node.Segment is not null; node = node.Parent!)
            {
                path.Add(node.Segment);
            }

            path.Reverse();
            return path;
        }
    }
}
