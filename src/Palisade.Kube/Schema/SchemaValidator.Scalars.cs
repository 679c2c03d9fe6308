using System.Numerics;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Schema;

/// <summary>Checks of strings and numbers: pattern, format, length, bounds, multipleOf.</summary>
internal sealed partial class SchemaValidator
{
    private void ValidateScalar(ScalarNode scalar, StructuralSchema schema, FieldPath path)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                ValidateString(scalar, schema, path);
                break;
            case ScalarKind.Integer or ScalarKind.Float:
                ValidateNumber(scalar, schema, path);
                break;
        }
    }

    private void ValidateString(ScalarNode scalar, StructuralSchema schema, FieldPath path)
    {
        var text = scalar.AsString;
        var rendered = ValueText.Quote(text);
        if (schema.PatternText is { } patternText)
        {
            if (schema.Pattern is null)
            {
                Add(scalar.Location, path, $"cannot check the pattern {patternText}: {schema.PatternError}");
            }
            else if (!schema.Pattern.IsMatch(text))
            {
                Add(scalar.Location, path, $"{rendered} does not match the pattern {patternText}");
            }
        }

        if (schema.Format is { } format && FormatChecks.CheckString(format, text) is { } formatProblem)
        {
            Add(scalar.Location, path, $"{rendered} {formatProblem}");
        }

        // Lengths count characters (code points), as the API server does, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            Block(scalar.Location, path, $"must be at most {ValueText.Count(max, "character")} long, got {length}");
        }

        if (schema.MinLength is { } min && length < min)
        {
            Add(scalar.Location, path, $"must be at least {ValueText.Count(min, "character")} long, got {length}");
        }
    }

    private void ValidateNumber(ScalarNode scalar, StructuralSchema schema, FieldPath path)
    {
        var rendered = ValueText.Render(scalar);
        if (schema.Format is { } format && scalar.Kind == ScalarKind.Integer && FormatChecks.CheckInteger(format, scalar.AsInteger) is { } problem)
        {
            Add(scalar.Location, path, $"{rendered} {problem}");
        }

        if (schema.Maximum is { } max)
        {
            var order = Compare(scalar, max);
            if (order > 0 || (order == 0 && schema.ExclusiveMaximum))
            {
                Add(scalar.Location, path, schema.ExclusiveMaximum
                    ? $"{rendered} must be less than {ValueText.Render(max)}"
                    : $"{rendered} is over the maximum of {ValueText.Render(max)}");
            }
        }

        if (schema.Minimum is { } min)
        {
            var order = Compare(scalar, min);
            if (order < 0 || (order == 0 && schema.ExclusiveMinimum))
            {
                Add(scalar.Location, path, schema.ExclusiveMinimum
                    ? $"{rendered} must be greater than {ValueText.Render(min)}"
                    : $"{rendered} is under the minimum of {ValueText.Render(min)}");
            }
        }

        if (schema.MultipleOf is { } factor && !IsMultiple(scalar, factor))
        {
            Add(scalar.Location, path, $"{rendered} is not a multiple of {ValueText.Render(factor)}");
        }
    }

    // Integers compare exactly at any size; anything with a fraction compares as double.
    private static int Compare(ScalarNode a, ScalarNode b) =>
        a.Kind == ScalarKind.Integer && b.Kind == ScalarKind.Integer ? BigInteger.Compare(a.AsInteger, b.AsInteger) : a.AsDouble.CompareTo(b.AsDouble);

    private static bool IsMultiple(ScalarNode value, ScalarNode factor)
    {
        if (value.Kind == ScalarKind.Integer && factor.Kind == ScalarKind.Integer)
        {
            return factor.AsInteger.IsZero || (value.AsInteger % factor.AsInteger).IsZero;
        }

        var quotient = value.AsDouble / factor.AsDouble;
        return !double.IsFinite(quotient) || Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
