namespace Palisade.Rego.Builtins.Graphql;

/// <summary>A schema document (SDL), grouped as gqlparser groups it.</summary>
internal sealed class GraphqlSchemaDocument
{
    public List<GraphqlSchemaDefinition> Schema { get; } = [];

    public List<GraphqlSchemaDefinition> SchemaExtension { get; } = [];

    public List<GraphqlDirectiveDefinition> Directives { get; } = [];

    public List<GraphqlDefinition> Definitions { get; } = [];

    public List<GraphqlDefinition> Extensions { get; } = [];
}

internal sealed class GraphqlSchemaDefinition
{
    public string Description { get; set; } = "";

    public List<GraphqlDirective> Directives { get; } = [];

    public List<GraphqlOperationType> OperationTypes { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlOperationType
{
    public string Operation { get; set; } = "";

    public string Type { get; set; } = "";

    public SourcePosition? Position { get; set; }
}

/// <summary>The kinds of named types, spelled as the AST's <c>Kind</c>.</summary>
internal static class GraphqlKinds
{
    public const string Scalar = "SCALAR";
    public const string Object = "OBJECT";
    public const string Interface = "INTERFACE";
    public const string Union = "UNION";
    public const string Enum = "ENUM";
    public const string InputObject = "INPUT_OBJECT";
}

/// <summary>A type definition or extension; which lists are used depends on <see cref="Kind"/>.</summary>
internal sealed class GraphqlDefinition
{
    public string Kind { get; set; } = "";

    public string Description { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GraphqlDirective> Directives { get; } = [];

    public List<string> Interfaces { get; } = [];

    public List<GraphqlFieldDefinition> Fields { get; } = [];

    public List<string> Types { get; } = [];

    public List<GraphqlEnumValueDefinition> EnumValues { get; } = [];

    public SourcePosition? Position { get; set; }

    /// <summary>True for the prelude's definitions, which may use reserved <c>__</c> names.</summary>
    public bool BuiltIn { get; set; }

    public bool IsLeaf => Kind is GraphqlKinds.Scalar or GraphqlKinds.Enum;

    public bool IsComposite => Kind is GraphqlKinds.Object or GraphqlKinds.Interface or GraphqlKinds.Union;

    public bool IsInput => Kind is GraphqlKinds.Scalar or GraphqlKinds.Enum or GraphqlKinds.InputObject;
}

/// <summary>A field of an object or interface, or an input field of an input object.</summary>
internal sealed class GraphqlFieldDefinition
{
    public string Description { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GraphqlArgumentDefinition> Arguments { get; } = [];

    public GraphqlValue? DefaultValue { get; set; }

    public GraphqlType Type { get; set; } = new();

    public List<GraphqlDirective> Directives { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlArgumentDefinition
{
    public string Description { get; set; } = "";

    public string Name { get; set; } = "";

    public GraphqlValue? DefaultValue { get; set; }

    public GraphqlType Type { get; set; } = new();

    public List<GraphqlDirective> Directives { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlEnumValueDefinition
{
    public string Description { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GraphqlDirective> Directives { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlDirectiveDefinition
{
    public string Description { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GraphqlArgumentDefinition> Arguments { get; } = [];

    public List<string> Locations { get; } = [];

    public bool IsRepeatable { get; set; }

    public SourcePosition? Position { get; set; }
}
