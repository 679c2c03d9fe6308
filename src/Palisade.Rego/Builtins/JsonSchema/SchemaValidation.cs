using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.JsonSchema;

/// <summary>Validation, in gojsonschema's order: combinators, const/enum, type, then the keywords of the value's kind.</summary>
internal sealed partial class Schema
{
    public void Validate(JsonElement value, string context, List<SchemaError> errors)
    {
        if (_boolean is { } allowed)
        {
            if (!allowed)
            {
                errors.Add(new SchemaError(context, "false", "False always fails validation"));
            }

            return;
        }

        if (_ref is { } reference)
        {
            _compiler.Resolve(reference).Validate(value, context, errors);
            return;
        }

        var type = TypeOf(value);
        if (_types is { } types && !types.Contains(type) && !(type == "integer" && types.Contains("number")))
        {
            var expected = types.Count == 1 ? types[0] : $"[{string.Join(",", types)}]";
            errors.Add(new SchemaError(context, "invalid_type", $"Invalid type. Expected: {expected}, given: {type}"));
            return;
        }

        ValidateCombinators(value, context, errors);
        ValidateCommon(value, context, errors);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(value, context, errors);
                break;
            case JsonValueKind.Array:
                ValidateArray(value, context, errors);
                break;
            case JsonValueKind.String:
                ValidateString(value.GetString()!, context, errors);
                break;
            case JsonValueKind.Number:
                ValidateNumber(value, context, errors);
                break;
        }
    }

    private static List<SchemaError> Check(Schema schema, JsonElement value, string context)
    {
        var errors = new List<SchemaError>();
        schema.Validate(value, context, errors);
        return errors;
    }

    private void ValidateCombinators(JsonElement value, string context, List<SchemaError> errors)
    {
        if (_anyOf is { } anyOf)
        {
            var results = anyOf.Select(s => Check(s, value, context)).ToList();
            if (results.All(r => r.Count > 0))
            {
                errors.Add(new SchemaError(context, "number_any_of", "Must validate at least one schema (anyOf)"));
                errors.AddRange(Closest(results));
            }
        }

        if (_oneOf is { } oneOf)
        {
            var results = oneOf.Select(s => Check(s, value, context)).ToList();
            var valid = results.Count(r => r.Count == 0);
            if (valid != 1)
            {
                errors.Add(new SchemaError(context, "number_one_of", "Must validate one and only one schema (oneOf)"));
                if (valid == 0)
                {
                    errors.AddRange(Closest(results));
                }
            }
        }

        if (_allOf is { } allOf)
        {
            var results = allOf.Select(s => Check(s, value, context)).ToList();
            results.ForEach(errors.AddRange);
            if (results.Any(r => r.Count > 0))
            {
                errors.Add(new SchemaError(context, "number_all_of", "Must validate all the schemas (allOf)"));
            }
        }

        if (_not is { } not && Check(not, value, context).Count == 0)
        {
            errors.Add(new SchemaError(context, "number_not", "Must not validate the schema (not)"));
        }

        if (_dependencies is { } dependencies && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var (name, schema, properties) in dependencies)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    continue;
                }

                if (properties is not null)
                {
                    foreach (var dependency in properties.Where(p => !value.TryGetProperty(p, out _)))
                    {
                        errors.Add(new SchemaError(context, "missing_dependency", $"Has a dependency on {dependency}"));
                    }
                }
                else
                {
                    schema!.Validate(value, context, errors);
                }
            }
        }

        if (_if is { } condition)
        {
            if (Check(condition, value, context).Count == 0)
            {
                if (_then is { } then && Check(then, value, context) is { Count: > 0 } thenErrors)
                {
                    errors.AddRange(thenErrors);
                    errors.Add(new SchemaError(context, "condition_then", "Must validate \"then\" as \"if\" was valid"));
                }
            }
            else if (_else is { } otherwise && Check(otherwise, value, context) is { Count: > 0 } elseErrors)
            {
                errors.AddRange(elseErrors);
                errors.Add(new SchemaError(context, "condition_else", "Must validate \"else\" as \"if\" was not valid"));
            }
        }
    }

    /// <summary>The failures of the alternative that came closest, which gojsonschema reports as the likely intent.</summary>
    private static List<SchemaError> Closest(List<List<SchemaError>> results) =>
        results.Count == 0 ? [] : results.MinBy(r => r.Count)!;

    private void ValidateCommon(JsonElement value, string context, List<SchemaError> errors)
    {
        var field = new SchemaError(context, "", "").Field;
        if (_const is { } constant && !JsonEquals(constant, value))
        {
            errors.Add(new SchemaError(context, "const", $"{field} does not match: {Compact(constant)}"));
        }

        if (_enum is { } options && !options.Any(o => JsonEquals(o, value)))
        {
            errors.Add(new SchemaError(context, "enum", $"{field} must be one of the following: {string.Join(", ", options.Select(Compact))}"));
        }
    }

    private void ValidateObject(JsonElement value, string context, List<SchemaError> errors)
    {
        var properties = value.EnumerateObject().ToList();
        if (_maxProperties is { } max && properties.Count > max)
        {
            errors.Add(new SchemaError(context, "array_max_properties", $"Must have at most {max} properties"));
        }

        if (_minProperties is { } min && properties.Count < min)
        {
            errors.Add(new SchemaError(context, "array_min_properties", $"Must have at least {min} properties"));
        }

        foreach (var required in _required ?? [])
        {
            if (!value.TryGetProperty(required, out _))
            {
                errors.Add(new SchemaError(context, "required", $"{required} is required"));
            }
        }

        foreach (var property in properties)
        {
            var declared = _properties?.Any(p => p.Name == property.Name) ?? false;
            var matched = false;
            foreach (var (pattern, schema) in _patternProperties ?? [])
            {
                if (pattern.IsMatch(property.Name))
                {
                    matched = true;
                    schema.Validate(property.Value, Child(context, property.Name), errors);
                }
            }

            if (declared || matched)
            {
                continue;
            }

            if (_additionalPropertiesAllowed == false)
            {
                errors.Add(new SchemaError(context, "additional_property_not_allowed", $"Additional property {property.Name} is not allowed"));
            }
            else if (_additionalProperties is { } additional)
            {
                additional.Validate(property.Value, Child(context, property.Name), errors);
            }
        }

        if (_propertyNames is { } names)
        {
            foreach (var property in properties)
            {
                using var name = JsonDocument.Parse(JsonSerializer.Serialize(property.Name));
                if (Check(names, name.RootElement, context).Count > 0)
                {
                    errors.Add(new SchemaError(context, "invalid_property_name", $"Property name of \"{property.Name}\" does not match"));
                }
            }
        }

        foreach (var (name, schema) in _properties ?? [])
        {
            if (value.TryGetProperty(name, out var child))
            {
                schema.Validate(child, Child(context, name), errors);
            }
        }
    }

    private void ValidateArray(JsonElement value, string context, List<SchemaError> errors)
    {
        var items = value.EnumerateArray().ToList();
        if (_items is { } each)
        {
            for (var i = 0; i < items.Count; i++)
            {
                each.Validate(items[i], Child(context, i.ToString(CultureInfo.InvariantCulture)), errors);
            }
        }
        else if (_itemList is { Count: > 0 } tuple)
        {
            for (var i = 0; i < tuple.Count && i < items.Count; i++)
            {
                tuple[i].Validate(items[i], Child(context, i.ToString(CultureInfo.InvariantCulture)), errors);
            }

            if (tuple.Count < items.Count)
            {
                if (_additionalItemsAllowed == false)
                {
                    errors.Add(new SchemaError(context, "array_no_additional_items", "No additional items allowed on array"));
                }
                else if (_additionalItems is { } additional)
                {
                    for (var i = tuple.Count; i < items.Count; i++)
                    {
                        additional.Validate(items[i], Child(context, i.ToString(CultureInfo.InvariantCulture)), errors);
                    }
                }
            }
        }

        if (_minItems is { } min && items.Count < min)
        {
            errors.Add(new SchemaError(context, "array_min_items", $"Array must have at least {min} items"));
        }

        if (_maxItems is { } max && items.Count > max)
        {
            errors.Add(new SchemaError(context, "array_max_items", $"Array must have at most {max} items"));
        }

        if (_uniqueItems)
        {
            for (var j = 0; j < items.Count; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    if (JsonEquals(items[i], items[j]))
                    {
                        errors.Add(new SchemaError(context, "unique", $"array items[{i},{j}] must be unique"));
                    }
                }
            }
        }

        if (_contains is { } contains)
        {
            var results = items.Select((item, i) => Check(contains, item, Child(context, i.ToString(CultureInfo.InvariantCulture)))).ToList();
            if (results.All(r => r.Count > 0))
            {
                errors.Add(new SchemaError(context, "contains", "At least one of the items must match"));
                errors.AddRange(Closest(results));
            }
        }
    }

    private void ValidateString(string value, string context, List<SchemaError> errors)
    {
        // Lengths count code points, as Go's utf8.RuneCountInString.
        var length = value.EnumerateRunes().Count();
        if (_minLength is { } min && length < min)
        {
            errors.Add(new SchemaError(context, "string_gte", $"String length must be greater than or equal to {min}"));
        }

        if (_maxLength is { } max && length > max)
        {
            errors.Add(new SchemaError(context, "string_lte", $"String length must be less than or equal to {max}"));
        }

        if (_pattern is { } pattern && !pattern.IsMatch(value))
        {
            errors.Add(new SchemaError(context, "pattern", $"Does not match pattern '{_patternText}'"));
        }

        if (_format is { } format && !FormatMatches(format, value))
        {
            errors.Add(new SchemaError(context, "format", $"Does not match format '{format}'"));
        }
    }

    private void ValidateNumber(JsonElement value, string context, List<SchemaError> errors)
    {
        if (_multipleOf is { } divisor && !IsMultiple(value, divisor))
        {
            errors.Add(new SchemaError(context, "multiple_of", $"Must be a multiple of {Text(divisor)}"));
        }

        if (_maximum is { } maximum)
        {
            if (_exclusiveMaximumFlag ? Compare(value, maximum) >= 0 : Compare(value, maximum) > 0)
            {
                errors.Add(_exclusiveMaximumFlag
                    ? new SchemaError(context, "number_lt", $"Must be less than {Text(maximum)}")
                    : new SchemaError(context, "number_lte", $"Must be less than or equal to {Text(maximum)}"));
            }
        }

        if (_exclusiveMaximum is { } exclusiveMaximum && Compare(value, exclusiveMaximum) >= 0)
        {
            errors.Add(new SchemaError(context, "number_lt", $"Must be less than {Text(exclusiveMaximum)}"));
        }

        if (_minimum is { } minimum)
        {
            if (_exclusiveMinimumFlag ? Compare(value, minimum) <= 0 : Compare(value, minimum) < 0)
            {
                errors.Add(_exclusiveMinimumFlag
                    ? new SchemaError(context, "number_gt", $"Must be greater than {Text(minimum)}")
                    : new SchemaError(context, "number_gte", $"Must be greater than or equal to {Text(minimum)}"));
            }
        }

        if (_exclusiveMinimum is { } exclusiveMinimum && Compare(value, exclusiveMinimum) <= 0)
        {
            errors.Add(new SchemaError(context, "number_gt", $"Must be greater than {Text(exclusiveMinimum)}"));
        }
    }

    /// <summary>Exact for decimal numbers: both are scaled to integers and divided.</summary>
    private static bool IsMultiple(JsonElement value, JsonElement divisor)
    {
        if (decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            && decimal.TryParse(divisor.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return v % d == 0;
        }

        var ratio = value.GetDouble() / divisor.GetDouble();
        return Math.Abs(ratio - Math.Round(ratio)) < 1e-9 && !double.IsInfinity(ratio);
    }

    private static string Child(string context, string name) => context + "." + name;

    /// <summary>JSON equality by value: numbers numerically, objects regardless of key order.</summary>
    private static bool JsonEquals(JsonElement a, JsonElement b) =>
        ValueJson.FromJson(a).Equals(ValueJson.FromJson(b));

    private static string Compact(JsonElement value) => Encodings.GoJsonWriter.Write(ValueJson.FromJson(value));

    /// <summary>The formats gojsonschema checks; unknown formats pass.</summary>
    private static bool FormatMatches(string format, string value) => format switch
    {
        "date-time" => DateTimeOffset.TryParseExact(value.ToUpperInvariant(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "time" => DateTimeOffset.TryParseExact("2000-01-01T" + value.ToUpperInvariant(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" or "idn-email" => EmailPattern().IsMatch(value),
        "hostname" => value.Length <= 255 && HostnamePattern().IsMatch(value),
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
        "ipv6" => value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "uri-reference" => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _),
        "uuid" => UuidPattern().IsMatch(value),
        "regex" => IsRegex(value),
        _ => true,
    };

    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();
}
