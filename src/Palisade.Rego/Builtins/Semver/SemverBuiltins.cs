using System.Globalization;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Semver;

/// <summary>semver.is_valid and semver.compare, with the parsing and precedence rules of OPA's semver package.</summary>
internal static class SemverBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "semver.is_valid",
            FunctionSignature.Of(RegoType.Boolean, RegoType.Any),
            (_, args) => BooleanValue.Of(args[0] is StringValue s && Version.TryParse(s.Value, out Version _)));
        yield return new BuiltinFunction(
            "semver.compare",
            FunctionSignature.Of(RegoType.Number, RegoType.String, RegoType.String),
            (_, args) => NumberValue.Of(Compare(args)));
    }

    private static int Compare(ReadOnlySpan<Value> args)
    {
        var a = Operands.String(args, 0);
        var b = Operands.String(args, 1);
        if (!Version.TryParse(a.Value, out var va))
        {
            throw new BuiltinException($"operand 1: string {a} is not a valid SemVer");
        }

        if (!Version.TryParse(b.Value, out var vb))
        {
            throw new BuiltinException($"operand 2: string {b} is not a valid SemVer");
        }

        return va.CompareTo(vb);
    }

    /// <summary>Dot-separated, non-empty runs of ASCII letters, digits and hyphens.</summary>
    private static bool IsIdentifier(string text) =>
        text.Split('.').All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    /// <summary>MAJOR.MINOR.PATCH[-PRERELEASE][+METADATA]; metadata plays no part in ordering.</summary>
    private sealed record Version(long Major, long Minor, long Patch, string PreRelease)
    {
        public static bool TryParse(string text, out Version version)
        {
            version = new Version(0, 0, 0, "");
            var plus = text.IndexOf('+', StringComparison.Ordinal);
            var metadata = plus < 0 ? "" : text[(plus + 1)..];
            var rest = plus < 0 ? text : text[..plus];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            var preRelease = dash < 0 ? "" : rest[(dash + 1)..];
            rest = dash < 0 ? rest : rest[..dash];
            var parts = rest.Split('.', 3);
            if (parts.Length != 3 || (preRelease.Length > 0 && !IsIdentifier(preRelease)) || (metadata.Length > 0 && !IsIdentifier(metadata)))
            {
                return false;
            }

            var numbers = new long[3];
            for (var i = 0; i < 3; i++)
            {
                // strconv.ParseInt: an optional sign, then decimal digits.
                if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]) || parts[i].Any(char.IsWhiteSpace))
                {
                    return false;
                }
            }

            version = new Version(numbers[0], numbers[1], numbers[2], preRelease);
            return true;
        }

        public int CompareTo(Version other)
        {
            var c = Major.CompareTo(other.Major);
            c = c != 0 ? c : Minor.CompareTo(other.Minor);
            c = c != 0 ? c : Patch.CompareTo(other.Patch);
            if (c != 0)
            {
                return Math.Sign(c);
            }

            // A version without a pre-release outranks one with.
            if (PreRelease.Length == 0 || other.PreRelease.Length == 0)
            {
                return PreRelease.Length == other.PreRelease.Length ? 0 : PreRelease.Length == 0 ? 1 : -1;
            }

            return ComparePreRelease(PreRelease.Split('.'), other.PreRelease.Split('.'));
        }

        /// <summary>
        /// Field by field: numeric fields rank below others and compare as numbers, then (even when numerically
        /// equal) as text; more fields outrank fewer.
        /// </summary>
        private static int ComparePreRelease(string[] a, string[] b)
        {
            for (var i = 0; ; i++)
            {
                if (i == a.Length || i == b.Length)
                {
                    return a.Length.CompareTo(b.Length) switch { < 0 => -1, > 0 => 1, _ => 0 };
                }

                var aInt = int.TryParse(a[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x);
                var bInt = int.TryParse(b[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y);
                if (aInt != bInt)
                {
                    return aInt ? -1 : 1;
                }

                if (aInt && x != y)
                {
                    return x > y ? 1 : -1;
                }

                var c = string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c > 0 ? 1 : -1;
                }
            }
        }
    }
}
