using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Reads the AST objects the parse builtins return (or hand-written ones) back into documents. Like Go's JSON decoding
/// that OPA relies on, missing keys take zero values and unknown keys are ignored; values of the wrong type are errors.
/// Nodes read this way have no source positions.
/// </summary>
internal static class GraphqlAstReader
{
    public static GraphqlQueryDocument ReadQuery(ObjectValue obj)
    {
        var document = new GraphqlQueryDocument();
        var reader = new Reader();
        reader.Each(obj, "Operations", o =>
        {
            var operation = new GraphqlOperation { Operation = Reader.Str(o, "Operation"), Name = Reader.Str(o, "Name") };
            reader.Each(o, "VariableDefinitions", v => operation.VariableDefinitions.Add(reader.Variable(v)));
            reader.Directives(o, operation.Directives);
            reader.Selections(o, operation.SelectionSet);
            document.Operations.Add(operation);
        });
        reader.Each(obj, "Fragments", f =>
        {
            var fragment = new GraphqlFragmentDefinition { Name = Reader.Str(f, "Name"), TypeCondition = Reader.Str(f, "TypeCondition") };
            reader.Each(f, "VariableDefinition", v => fragment.VariableDefinition.Add(reader.Variable(v)));
            reader.Directives(f, fragment.Directives);
            reader.Selections(f, fragment.SelectionSet);
            document.Fragments.Add(fragment);
        });
        return document;
    }

    public static GraphqlSchemaDocument ReadSchema(ObjectValue obj)
    {
        var document = new GraphqlSchemaDocument();
        var reader = new Reader();
        reader.Each(obj, "Schema", s => document.Schema.Add(reader.SchemaDefinition(s)));
        reader.Each(obj, "SchemaExtension", s => document.SchemaExtension.Add(reader.SchemaDefinition(s)));
        reader.Each(obj, "Directives", d =>
        {
            var directive = new GraphqlDirectiveDefinition
            {
                Description = Reader.Str(d, "Description"),
                Name = Reader.Str(d, "Name"),
                IsRepeatable = Reader.Bool(d, "IsRepeatable"),
            };
            reader.Each(d, "Arguments", a => directive.Arguments.Add(reader.ArgumentDefinition(a)));
            Reader.Strings(d, "Locations", directive.Locations);
            document.Directives.Add(directive);
        });
        reader.Each(obj, "Definitions", d => document.Definitions.Add(reader.Definition(d)));
        reader.Each(obj, "Extensions", d => document.Extensions.Add(reader.Definition(d)));
        return document;
    }

    /// <summary>Reading state: the nesting depth, bounded so a deep object cannot exhaust the stack.</summary>
    private sealed class Reader
    {
        private int _depth;

        public void Each(ObjectValue obj, string key, Action<ObjectValue> read)
        {
            if (!obj.TryGetValue(key, out var value) || value is NullValue)
            {
                return;
            }

            if (value is not ArrayValue array)
            {
                throw Mismatch(key, "array", value);
            }

            if (++_depth > GraphqlLimits.MaxDepth)
            {
                throw new GraphqlSyntaxException($"AST nests deeper than {GraphqlLimits.MaxDepth} levels", null);
            }

            foreach (var item in array.Items)
            {
                read(item as ObjectValue ?? throw Mismatch(key, "object", item));
            }

            _depth--;
        }

        public static string Str(ObjectValue obj, string key) => Get(obj, key) switch
        {
            null => "",
            StringValue s => s.Value,
            var other => throw Mismatch(key, "string", other),
        };

        public static bool Bool(ObjectValue obj, string key) => Get(obj, key) switch
        {
            null => false,
            BooleanValue b => b.Value,
            var other => throw Mismatch(key, "boolean", other),
        };

        public static void Strings(ObjectValue obj, string key, List<string> into)
        {
            if (Get(obj, key) is not { } value)
            {
                return;
            }

            foreach (var item in (value as ArrayValue ?? throw Mismatch(key, "array", value)).Items)
            {
                into.Add(item is StringValue s ? s.Value : throw Mismatch(key, "string", item));
            }
        }

        public GraphqlVariableDefinition Variable(ObjectValue obj)
        {
            var variable = new GraphqlVariableDefinition
            {
                Variable = Str(obj, "Variable"),
                Type = Type(obj, "Type") ?? new GraphqlType(),
                DefaultValue = Value(obj, "DefaultValue"),
            };
            Directives(obj, variable.Directives);
            return variable;
        }

        public void Directives(ObjectValue obj, List<GraphqlDirective> into) => Each(obj, "Directives", d =>
        {
            var directive = new GraphqlDirective { Name = Str(d, "Name") };
            Arguments(d, directive.Arguments);
            into.Add(directive);
        });

        public void Selections(ObjectValue obj, List<GraphqlSelection> into) => Each(obj, "SelectionSet", s =>
        {
            // gqlparser tells selections apart by their keys: fields have an alias or arguments, inline fragments a
            // type condition or selections, and spreads only a name.
            GraphqlSelection selection;
            if (s.ContainsKey(new StringValue("Alias")) || s.ContainsKey(new StringValue("Arguments")))
            {
                var field = new GraphqlField { Alias = Str(s, "Alias"), Name = Str(s, "Name") };
                Arguments(s, field.Arguments);
                Selections(s, field.SelectionSet);
                selection = field;
            }
            else if (s.ContainsKey(new StringValue("TypeCondition")) || s.ContainsKey(new StringValue("SelectionSet")))
            {
                var inline = new GraphqlInlineFragment { TypeCondition = Str(s, "TypeCondition") };
                Selections(s, inline.SelectionSet);
                selection = inline;
            }
            else
            {
                selection = new GraphqlFragmentSpread { Name = Str(s, "Name") };
            }

            Directives(s, selection.Directives);
            into.Add(selection);
        });

        private void Arguments(ObjectValue obj, List<GraphqlArgument> into) => Each(obj, "Arguments", a =>
            into.Add(new GraphqlArgument { Name = Str(a, "Name"), Value = Value(a, "Value") ?? new GraphqlValue() }));

        private GraphqlValue? Value(ObjectValue obj, string key)
        {
            if (Get(obj, key) is not { } value)
            {
                return null;
            }

            var node = value as ObjectValue ?? throw Mismatch(key, "object", value);
            var result = new GraphqlValue { Raw = Str(node, "Raw") };
            if (Get(node, "Kind") is { } kind)
            {
                result.Kind = kind is NumberValue n && n.TryGetInt32(out var k) && k is >= 0 and <= 9
                    ? (GraphqlValueKind)k
                    : throw Mismatch("Kind", "value kind", kind);
            }

            Each(node, "Children", c => result.Children.Add(new GraphqlChildValue(Str(c, "Name"), Value(c, "Value") ?? new GraphqlValue())));
            return result;
        }

        private GraphqlType? Type(ObjectValue obj, string key)
        {
            if (Get(obj, key) is not { } value)
            {
                return null;
            }

            if (++_depth > GraphqlLimits.MaxDepth)
            {
                throw new GraphqlSyntaxException($"AST nests deeper than {GraphqlLimits.MaxDepth} levels", null);
            }

            var node = value as ObjectValue ?? throw Mismatch(key, "object", value);
            var type = new GraphqlType { NamedType = Str(node, "NamedType"), NonNull = Bool(node, "NonNull"), Elem = Type(node, "Elem") };
            _depth--;
            return type;
        }

        public GraphqlSchemaDefinition SchemaDefinition(ObjectValue obj)
        {
            var schema = new GraphqlSchemaDefinition { Description = Str(obj, "Description") };
            Directives(obj, schema.Directives);
            Each(obj, "OperationTypes", t => schema.OperationTypes.Add(new GraphqlOperationType { Operation = Str(t, "Operation"), Type = Str(t, "Type") }));
            return schema;
        }

        public GraphqlDefinition Definition(ObjectValue obj)
        {
            var definition = new GraphqlDefinition
            {
                Kind = Str(obj, "Kind"),
                Description = Str(obj, "Description"),
                Name = Str(obj, "Name"),
                BuiltIn = Bool(obj, "BuiltIn"),
            };
            Directives(obj, definition.Directives);
            Strings(obj, "Interfaces", definition.Interfaces);
            Each(obj, "Fields", f =>
            {
                var field = new GraphqlFieldDefinition
                {
                    Description = Str(f, "Description"),
                    Name = Str(f, "Name"),
                    DefaultValue = Value(f, "DefaultValue"),
                    Type = Type(f, "Type") ?? new GraphqlType(),
                };
                Each(f, "Arguments", a => field.Arguments.Add(ArgumentDefinition(a)));
                Directives(f, field.Directives);
                definition.Fields.Add(field);
            });
            Strings(obj, "Types", definition.Types);
            Each(obj, "EnumValues", v =>
            {
                var value = new GraphqlEnumValueDefinition { Description = Str(v, "Description"), Name = Str(v, "Name") };
                Directives(v, value.Directives);
                definition.EnumValues.Add(value);
            });
            return definition;
        }

        public GraphqlArgumentDefinition ArgumentDefinition(ObjectValue obj)
        {
            var argument = new GraphqlArgumentDefinition
            {
                Description = Str(obj, "Description"),
                Name = Str(obj, "Name"),
                DefaultValue = Value(obj, "DefaultValue"),
                Type = Type(obj, "Type") ?? new GraphqlType(),
            };
            Directives(obj, argument.Directives);
            return argument;
        }

        private static Value? Get(ObjectValue obj, string key) =>
            obj.TryGetValue(key, out var value) && value is not NullValue ? value : null;

        private static GraphqlSyntaxException Mismatch(string key, string expected, Value actual) =>
            new($"AST field {key} must be {expected} but got {actual.TypeName}", null);
    }
}
