using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Turns the AST into the Rego objects OPA returns: gqlparser's field names, with positions, nulls and empty lists and
/// objects pruned away, while empty strings and false booleans stay (OPA prunes only nulls and empty collections).
/// </summary>
internal static class GraphqlAstWriter
{
    public static ObjectValue Write(GraphqlQueryDocument document) => Object(
        ("Operations", List(document.Operations, Write)),
        ("Fragments", List(document.Fragments, Write)));

    public static ObjectValue Write(GraphqlSchemaDocument document) => Object(
        ("Schema", List(document.Schema, Write)),
        ("SchemaExtension", List(document.SchemaExtension, Write)),
        ("Directives", List(document.Directives, Write)),
        ("Definitions", List(document.Definitions, Write)),
        ("Extensions", List(document.Extensions, Write)));

    private static ObjectValue Write(GraphqlOperation operation) => Object(
        ("Operation", Str(operation.Operation)),
        ("Name", Str(operation.Name)),
        ("VariableDefinitions", List(operation.VariableDefinitions, Write)),
        ("Directives", List(operation.Directives, Write)),
        ("SelectionSet", List(operation.SelectionSet, Write)));

    private static ObjectValue Write(GraphqlFragmentDefinition fragment) => Object(
        ("Name", Str(fragment.Name)),
        ("VariableDefinition", List(fragment.VariableDefinition, Write)),
        ("TypeCondition", Str(fragment.TypeCondition)),
        ("Directives", List(fragment.Directives, Write)),
        ("SelectionSet", List(fragment.SelectionSet, Write)));

    /// <summary>Validation may mark variables used; OPA's results always show the parser's <c>false</c>.</summary>
    private static ObjectValue Write(GraphqlVariableDefinition variable) => Object(
        ("Variable", Str(variable.Variable)),
        ("Type", Write(variable.Type)),
        ("DefaultValue", variable.DefaultValue is null ? null : Write(variable.DefaultValue)),
        ("Directives", List(variable.Directives, Write)),
        ("Used", BooleanValue.False));

    private static ObjectValue Write(GraphqlSelection selection) => selection switch
    {
        GraphqlField field => Object(
            ("Alias", Str(field.Alias)),
            ("Name", Str(field.Name)),
            ("Arguments", List(field.Arguments, Write)),
            ("Directives", List(field.Directives, Write)),
            ("SelectionSet", List(field.SelectionSet, Write))),
        GraphqlFragmentSpread spread => Object(
            ("Name", Str(spread.Name)),
            ("Directives", List(spread.Directives, Write))),
        GraphqlInlineFragment inline => Object(
            ("TypeCondition", Str(inline.TypeCondition)),
            ("Directives", List(inline.Directives, Write)),
            ("SelectionSet", List(inline.SelectionSet, Write))),
        _ => throw new ArgumentException("unknown selection", nameof(selection)),
    };

    private static ObjectValue Write(GraphqlArgument argument) => Object(
        ("Name", Str(argument.Name)),
        ("Value", Write(argument.Value)));

    /// <summary>A directive use; its <c>Location</c> is only filled in by validation, so it is always empty here.</summary>
    private static ObjectValue Write(GraphqlDirective directive) => Object(
        ("Name", Str(directive.Name)),
        ("Arguments", List(directive.Arguments, Write)),
        ("Location", StringValue.Empty));

    private static ObjectValue Write(GraphqlValue value) => Object(
        ("Raw", Str(value.Raw)),
        ("Children", List(value.Children, child => Object(("Name", Str(child.Name)), ("Value", Write(child.Value))))),
        ("Kind", NumberValue.Of((int)value.Kind)),
        ("ExpectedTypeHasDefault", BooleanValue.False));

    private static ObjectValue Write(GraphqlType type) => Object(
        ("NamedType", Str(type.NamedType)),
        ("Elem", type.Elem is null ? null : Write(type.Elem)),
        ("NonNull", BooleanValue.Of(type.NonNull)));

    private static ObjectValue Write(GraphqlSchemaDefinition schema) => Object(
        ("Description", Str(schema.Description)),
        ("Directives", List(schema.Directives, Write)),
        ("OperationTypes", List(schema.OperationTypes, t => Object(("Operation", Str(t.Operation)), ("Type", Str(t.Type))))));

    private static ObjectValue Write(GraphqlDirectiveDefinition directive) => Object(
        ("Description", Str(directive.Description)),
        ("Name", Str(directive.Name)),
        ("Arguments", List(directive.Arguments, Write)),
        ("Locations", List(directive.Locations, Str)),
        ("IsRepeatable", BooleanValue.Of(directive.IsRepeatable)));

    private static ObjectValue Write(GraphqlDefinition definition) => Object(
        ("Kind", Str(definition.Kind)),
        ("Description", Str(definition.Description)),
        ("Name", Str(definition.Name)),
        ("Directives", List(definition.Directives, Write)),
        ("Interfaces", List(definition.Interfaces, Str)),
        ("Fields", List(definition.Fields, Write)),
        ("Types", List(definition.Types, Str)),
        ("EnumValues", List(definition.EnumValues, v => Object(
            ("Description", Str(v.Description)),
            ("Name", Str(v.Name)),
            ("Directives", List(v.Directives, Write))))),
        ("BuiltIn", BooleanValue.Of(definition.BuiltIn)));

    private static ObjectValue Write(GraphqlFieldDefinition field) => Object(
        ("Description", Str(field.Description)),
        ("Name", Str(field.Name)),
        ("Arguments", List(field.Arguments, Write)),
        ("DefaultValue", field.DefaultValue is null ? null : Write(field.DefaultValue)),
        ("Type", Write(field.Type)),
        ("Directives", List(field.Directives, Write)));

    private static ObjectValue Write(GraphqlArgumentDefinition argument) => Object(
        ("Description", Str(argument.Description)),
        ("Name", Str(argument.Name)),
        ("DefaultValue", argument.DefaultValue is null ? null : Write(argument.DefaultValue)),
        ("Type", Write(argument.Type)),
        ("Directives", List(argument.Directives, Write)));

    private static StringValue Str(string value) => StringValue.Of(value);

    /// <summary>A list, or null (pruned) when empty, as OPA prunes empty arrays.</summary>
    private static ArrayValue? List<T>(List<T> items, Func<T, Value> write) =>
        items.Count == 0 ? null : ArrayValue.Of(items.Select(write));

    /// <summary>An object without its null entries.</summary>
    private static ObjectValue Object(params (string Key, Value? Value)[] entries) =>
        ObjectValue.Of(entries.Where(e => e.Value is not null).Select(e => (e.Key, e.Value!)).ToArray());
}
