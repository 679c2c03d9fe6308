using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// OPA's <c>graphql.*</c> builtins. Queries and schemas may be given as GraphQL text or as the AST objects the parse
/// builtins return. Parse errors fail the call; the validity checks answer false instead.
/// </summary>
internal static class GraphqlBuiltins
{
    private static readonly RegoType StringOrObject = RegoType.AnyOf(RegoType.String, RegoType.ObjectOf(RegoType.Any, RegoType.Any));

    public static IEnumerable<BuiltinFunction> All() =>
    [
        new("graphql.parse_query", FunctionSignature.Of(RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.String), ParseQuery),
        new("graphql.parse_schema", FunctionSignature.Of(RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.String), ParseSchema),
        new("graphql.parse", FunctionSignature.Of(RegoType.ArrayOf(RegoType.ObjectOf(RegoType.Any, RegoType.Any)), StringOrObject, StringOrObject), Parse),
        new("graphql.parse_and_verify", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), StringOrObject, StringOrObject), ParseAndVerify),
        new("graphql.is_valid", FunctionSignature.Of(RegoType.Boolean, StringOrObject, StringOrObject), IsValid),
        new("graphql.schema_is_valid", FunctionSignature.Of(RegoType.Boolean, StringOrObject), SchemaIsValid),
    ];

    private static Value? ParseQuery(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var text = Operands.String(arguments, 0).Value;
        return GraphqlAstWriter.Write(Run(() => GraphqlParser.ParseQuery(text), "GraphQL string"));
    }

    private static Value? ParseSchema(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var text = Operands.String(arguments, 0).Value;
        return GraphqlAstWriter.Write(Run(() => GraphqlParser.ParseSchema(text), "GraphQL string"));
    }

    /// <summary>Both ASTs, once the query has been validated against the schema; any failure is an error.</summary>
    private static Value? Parse(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var queryArgument = QueryOrSchema(arguments, 0);
        var schemaArgument = QueryOrSchema(arguments, 1);
        var query = Run(() => ReadQuery(queryArgument), "GraphQL string");
        // OPA loads the schema (parse and checks) in one step, so its syntax errors also name the schema string.
        var schemaDocument = Run(() => ReadSchema(schemaArgument), "GraphQL schema string");
        var schema = Run(() => GraphqlSchemaBuilder.Build(schemaDocument), "GraphQL schema string");
        try
        {
            GraphqlQueryValidator.Validate(schema, query);
        }
        catch (GraphqlSyntaxException e)
        {
            // OPA drops the period that ends most validation messages before adding the location.
            var message = e.Message.EndsWith('.') ? e.Message[..^1] : e.Message;
            throw new BuiltinException(new GraphqlSyntaxException(message, e.Position).Describe("GraphQL string"));
        }

        return ArrayValue.Of(GraphqlAstWriter.Write(query), GraphqlAstWriter.Write(schemaDocument));
    }

    /// <summary>Like <c>graphql.parse</c>, but failures give <c>[false, {}, {}]</c> instead of an error.</summary>
    private static Value? ParseAndVerify(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var unverified = ArrayValue.Of(BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty);
        if (!TryReadBoth(arguments, out var query, out var schemaDocument)
            || !TryValidate(query, schemaDocument))
        {
            return unverified;
        }

        return ArrayValue.Of(BooleanValue.True, GraphqlAstWriter.Write(query), GraphqlAstWriter.Write(schemaDocument));
    }

    private static Value? IsValid(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        BooleanValue.Of(TryReadBoth(arguments, out var query, out var schemaDocument) && TryValidate(query, schemaDocument));

    private static Value? SchemaIsValid(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        if (arguments[0] is not (StringValue or ObjectValue))
        {
            return BooleanValue.False;
        }

        try
        {
            GraphqlSchemaBuilder.Build(ReadSchema(arguments[0]));
            return BooleanValue.True;
        }
        catch (GraphqlSyntaxException)
        {
            return BooleanValue.False;
        }
    }

    private static bool TryReadBoth(ReadOnlySpan<Value> arguments, out GraphqlQueryDocument query, out GraphqlSchemaDocument schema)
    {
        query = new GraphqlQueryDocument();
        schema = new GraphqlSchemaDocument();
        if (arguments[0] is not (StringValue or ObjectValue) || arguments[1] is not (StringValue or ObjectValue))
        {
            return false;
        }

        try
        {
            query = ReadQuery(arguments[0]);
            schema = ReadSchema(arguments[1]);
            return true;
        }
        catch (GraphqlSyntaxException)
        {
            return false;
        }
    }

    private static bool TryValidate(GraphqlQueryDocument query, GraphqlSchemaDocument schemaDocument)
    {
        try
        {
            GraphqlQueryValidator.Validate(GraphqlSchemaBuilder.Build(schemaDocument), query);
            return true;
        }
        catch (GraphqlSyntaxException)
        {
            return false;
        }
    }

    private static Value QueryOrSchema(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] is StringValue or ObjectValue ? arguments[index] : throw Operands.MismatchOneOf(index, arguments[index], "string", "object");

    private static GraphqlQueryDocument ReadQuery(Value value) =>
        value is StringValue text ? GraphqlParser.ParseQuery(text.Value) : GraphqlAstReader.ReadQuery((ObjectValue)value);

    private static GraphqlSchemaDocument ReadSchema(Value value) =>
        value is StringValue text ? GraphqlParser.ParseSchema(text.Value) : GraphqlAstReader.ReadSchema((ObjectValue)value);

    /// <summary>Runs one step, turning its GraphQL error into a builtin error that names the input, as OPA words it.</summary>
    private static T Run<T>(Func<T> step, string input)
    {
        try
        {
            return step();
        }
        catch (GraphqlSyntaxException e)
        {
            throw new BuiltinException(e.Describe(input));
        }
    }
}
