namespace Palisade.Rego.Builtins.Graphql;

/// <summary>An executable document: its operations and fragments, in source order.</summary>
internal sealed class GraphqlQueryDocument
{
    public List<GraphqlOperation> Operations { get; } = [];

    public List<GraphqlFragmentDefinition> Fragments { get; } = [];
}

internal sealed class GraphqlOperation
{
    /// <summary><c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
    public string Operation { get; set; } = "query";

    public string Name { get; set; } = "";

    public List<GraphqlVariableDefinition> VariableDefinitions { get; } = [];

    public List<GraphqlDirective> Directives { get; } = [];

    public List<GraphqlSelection> SelectionSet { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlVariableDefinition
{
    public string Variable { get; set; } = "";

    public GraphqlType Type { get; set; } = new();

    public GraphqlValue? DefaultValue { get; set; }

    public List<GraphqlDirective> Directives { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlFragmentDefinition
{
    public string Name { get; set; } = "";

    /// <summary>Experimental fragment variables; gqlparser names this list in the singular.</summary>
    public List<GraphqlVariableDefinition> VariableDefinition { get; } = [];

    public string TypeCondition { get; set; } = "";

    public List<GraphqlDirective> Directives { get; } = [];

    public List<GraphqlSelection> SelectionSet { get; } = [];

    public SourcePosition? Position { get; set; }
}

/// <summary>A field, fragment spread or inline fragment.</summary>
internal abstract class GraphqlSelection
{
    public List<GraphqlDirective> Directives { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlField : GraphqlSelection
{
    public string Alias { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GraphqlArgument> Arguments { get; } = [];

    public List<GraphqlSelection> SelectionSet { get; } = [];
}

internal sealed class GraphqlFragmentSpread : GraphqlSelection
{
    public string Name { get; set; } = "";
}

internal sealed class GraphqlInlineFragment : GraphqlSelection
{
    /// <summary>Empty when the fragment has no <c>on Type</c>.</summary>
    public string TypeCondition { get; set; } = "";

    public List<GraphqlSelection> SelectionSet { get; } = [];
}
