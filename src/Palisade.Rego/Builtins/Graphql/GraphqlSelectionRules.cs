namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Rules checked while walking selections with the type they select from: fields exist on that type, leaves have no
/// selections and composites do, arguments are known, unique, provided when required and of the right type, fragments
/// apply to composite types that can overlap the parent, and directives are known, allowed here and not repeated.
/// Variable uses are collected for <see cref="GraphqlVariableRules"/>.
/// </summary>
internal sealed class GraphqlSelectionRules(GraphqlSchema schema, Func<string, GraphqlFragmentDefinition?> fragment)
{
    private static readonly GraphqlType TypenameType = new() { NamedType = "String", NonNull = true };

    private readonly GraphqlValueRules _values = new(schema);
    private readonly GraphqlOverlapRules _overlaps = new(schema, fragment);

    // Field lookups by name, built once per type, so wide types and wide selections do not multiply.
    private readonly Dictionary<GraphqlDefinition, Dictionary<string, GraphqlFieldDefinition>> _fields = new(ReferenceEqualityComparer.Instance);

    public void CheckVariableDefinitions(List<GraphqlVariableDefinition> variables)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            if (!names.Add(variable.Variable))
            {
                throw new GraphqlSyntaxException($"There can be only one variable named \"${variable.Variable}\".", variable.Position);
            }

            var type = schema.Type(variable.Type.Name)
                ?? throw new GraphqlSyntaxException($"Unknown type \"{variable.Type.Name}\".", variable.Type.Position ?? variable.Position);
            if (!type.IsInput)
            {
                throw new GraphqlSyntaxException($"Variable \"${variable.Variable}\" cannot be non-input type \"{variable.Type}\".", variable.Position);
            }

            if (variable.DefaultValue is not null)
            {
                _values.Check(variable.DefaultValue, variable.Type, null);
            }

            CheckDirectives(variable.Directives, "VARIABLE_DEFINITION", null);
        }
    }

    public void CheckSelections(GraphqlDefinition parent, List<GraphqlSelection> selections, List<VariableUsage> usages)
    {
        _overlaps.Check(parent, selections);
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GraphqlField field:
                    CheckField(parent, field, usages);
                    break;
                case GraphqlInlineFragment inline:
                    CheckDirectives(inline.Directives, "INLINE_FRAGMENT", usages);
                    var condition = parent;
                    if (inline.TypeCondition.Length > 0)
                    {
                        condition = schema.Type(inline.TypeCondition)
                            ?? throw new GraphqlSyntaxException($"Unknown type \"{inline.TypeCondition}\".", inline.Position);
                        if (!condition.IsComposite)
                        {
                            throw new GraphqlSyntaxException($"Fragment cannot condition on non composite type \"{inline.TypeCondition}\".", inline.Position);
                        }

                        if (!Overlap(parent, condition))
                        {
                            throw new GraphqlSyntaxException(
                                $"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{condition.Name}\".", inline.Position);
                        }
                    }

                    CheckSelections(condition, inline.SelectionSet, usages);
                    break;
                case GraphqlFragmentSpread spread:
                    CheckDirectives(spread.Directives, "FRAGMENT_SPREAD", usages);
                    CheckSpread(parent, spread);
                    break;
            }
        }
    }

    private void CheckSpread(GraphqlDefinition parent, GraphqlFragmentSpread spread)
    {
        // Fragments are checked on their own; here only whether this one can apply to the parent type.
        if (fragment(spread.Name)?.TypeCondition is { } condition && schema.Type(condition) is { IsComposite: true } type && !Overlap(parent, type))
        {
            throw new GraphqlSyntaxException(
                $"Fragment \"{spread.Name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{type.Name}\".", spread.Position);
        }
    }

    /// <summary>Whether some object type could be both: fragments must be able to apply where they are spread.</summary>
    private bool Overlap(GraphqlDefinition a, GraphqlDefinition b)
    {
        if (a.Name == b.Name)
        {
            return true;
        }

        var possible = schema.Possible(a).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return schema.Possible(b).Any(d => possible.Contains(d.Name));
    }

    private void CheckField(GraphqlDefinition parent, GraphqlField field, List<VariableUsage> usages)
    {
        GraphqlType type;
        List<GraphqlArgumentDefinition> arguments;
        if (field.Name == "__typename")
        {
            type = TypenameType;
            arguments = [];
        }
        else
        {
            var definition = parent.Kind is GraphqlKinds.Object or GraphqlKinds.Interface ? FieldsOf(parent).GetValueOrDefault(field.Name) : null;
            if (definition is null)
            {
                throw new GraphqlSyntaxException($"Cannot query field \"{field.Name}\" on type \"{parent.Name}\".{FieldHint(parent, field.Name)}", field.Position);
            }

            type = definition.Type;
            arguments = definition.Arguments;
        }

        CheckArguments(field.Arguments, arguments, usages, name => $"Unknown argument \"{name}\" on field \"{parent.Name}.{field.Name}\".{GraphqlSuggestions.DidYouMean(name, arguments.Select(a => a.Name))}",
            (name, argumentType) => $"Field \"{field.Name}\" argument \"{name}\" of type \"{argumentType}\" is required, but it was not provided.", field.Position);
        CheckDirectives(field.Directives, "FIELD", usages);

        var fieldType = schema.Type(type.Name)
            ?? throw new GraphqlSyntaxException($"Unknown type \"{type.Name}\".", field.Position);
        if (fieldType.IsLeaf && field.SelectionSet.Count > 0)
        {
            throw new GraphqlSyntaxException($"Field \"{field.Name}\" must not have a selection since type \"{type}\" has no subfields.", field.Position);
        }

        if (!fieldType.IsLeaf && field.SelectionSet.Count == 0)
        {
            throw new GraphqlSyntaxException(
                $"Field \"{field.Name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field.Name} {{ ... }}\"?", field.Position);
        }

        CheckSelections(fieldType, field.SelectionSet, usages);
    }

    private Dictionary<string, GraphqlFieldDefinition> FieldsOf(GraphqlDefinition type)
    {
        if (!_fields.TryGetValue(type, out var fields))
        {
            fields = new Dictionary<string, GraphqlFieldDefinition>(StringComparer.Ordinal);
            foreach (var field in type.Fields)
            {
                fields.TryAdd(field.Name, field);
            }

            _fields[type] = fields;
        }

        return fields;
    }

    /// <summary>
    /// For abstract types, the types that do have the field (interfaces first, most shared first); otherwise field
    /// names close to the one typed.
    /// </summary>
    private string FieldHint(GraphqlDefinition parent, string name)
    {
        if (parent.Kind is GraphqlKinds.Interface or GraphqlKinds.Union)
        {
            var objects = new List<string>();
            var interfaces = new List<string>();
            var usage = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var possible in schema.Possible(parent).Where(p => FieldsOf(p).ContainsKey(name)))
            {
                objects.Add(possible.Name);
                foreach (var implemented in possible.Interfaces)
                {
                    if (schema.Type(implemented) is { } type && FieldsOf(type).ContainsKey(name))
                    {
                        if (!usage.ContainsKey(implemented))
                        {
                            interfaces.Add(implemented);
                        }

                        usage[implemented] = usage.GetValueOrDefault(implemented) + 1;
                    }
                }
            }

            var types = interfaces.Concat(objects)
                .OrderByDescending(t => usage.GetValueOrDefault(t))
                .ThenBy(t => t, StringComparer.Ordinal)
                .ToList();
            if (types.Count > 0)
            {
                return $" Did you mean to use an inline fragment on {GraphqlSuggestions.QuotedOrList(types)}?";
            }
        }

        return parent.Kind is GraphqlKinds.Object or GraphqlKinds.Interface ? GraphqlSuggestions.DidYouMean(name, parent.Fields.Select(f => f.Name)) : "";
    }

    public void CheckDirectives(List<GraphqlDirective> directives, string location, List<VariableUsage>? usages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var definition = schema.Directives.GetValueOrDefault(directive.Name)
                ?? throw new GraphqlSyntaxException($"Unknown directive \"@{directive.Name}\".", directive.Position);
            if (!definition.Locations.Contains(location))
            {
                throw new GraphqlSyntaxException($"Directive \"@{directive.Name}\" may not be used on {location}.", directive.Position);
            }

            if (!definition.IsRepeatable && !seen.Add(directive.Name))
            {
                throw new GraphqlSyntaxException($"The directive \"@{directive.Name}\" can only be used once at this location.", directive.Position);
            }

            CheckArguments(directive.Arguments, definition.Arguments, usages, name => $"Unknown argument \"{name}\" on directive \"@{directive.Name}\".{GraphqlSuggestions.DidYouMean(name, definition.Arguments.Select(a => a.Name))}",
                (name, type) => $"Directive \"@{directive.Name}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.", directive.Position);
        }
    }

    private void CheckArguments(
        List<GraphqlArgument> given,
        List<GraphqlArgumentDefinition> definitions,
        List<VariableUsage>? usages,
        Func<string, string> unknown,
        Func<string, GraphqlType, string> missing,
        SourcePosition? position)
    {
        var byName = new Dictionary<string, GraphqlArgument>(StringComparer.Ordinal);
        foreach (var argument in given)
        {
            if (!byName.TryAdd(argument.Name, argument))
            {
                throw new GraphqlSyntaxException($"There can be only one argument named \"{argument.Name}\".", argument.Position);
            }

            // gqlparser reports unknown arguments at the field or directive that has them.
            var definition = definitions.Find(d => d.Name == argument.Name)
                ?? throw new GraphqlSyntaxException(unknown(argument.Name), position);
            _values.Check(argument.Value, definition.Type, usages, definition.DefaultValue is not null);
        }

        foreach (var definition in definitions)
        {
            var argument = byName.GetValueOrDefault(definition.Name);
            if (definition.Type.NonNull && definition.DefaultValue is null && (argument is null || argument.Value.Kind == GraphqlValueKind.Null))
            {
                throw new GraphqlSyntaxException(missing(definition.Name, definition.Type), position);
            }
        }
    }
}
