using System.Text;

namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>
/// regex.template_match's templates: literal text with regular expressions between delimiters, such as
/// <c>urn:foo:{.*}</c>. The literal parts are quoted and the whole is anchored at both ends.
/// </summary>
internal static class TemplatePattern
{
    public static GoRegex Compile(string template, char open, char close)
    {
        var pattern = new StringBuilder("^");
        var level = 0;
        var literalStart = 0;
        var groupStart = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == open)
            {
                if (++level == 1)
                {
                    groupStart = i;
                }
            }
            else if (template[i] == close)
            {
                if (--level == 0)
                {
                    var inner = template[(groupStart + 1)..i];

                    // Each part must be a valid expression on its own.
                    GoRegex.Compile("^" + inner + "$");
                    pattern.Append(QuoteMeta(template[literalStart..groupStart])).Append('(').Append(inner).Append(')');
                    literalStart = i + 1;
                }
                else if (level < 0)
                {
                    throw Unbalanced(template);
                }
            }
        }

        if (level != 0)
        {
            throw Unbalanced(template);
        }

        pattern.Append(QuoteMeta(template[literalStart..])).Append('$');
        return GoRegex.Get(pattern.ToString());
    }

    private static BuiltinException Unbalanced(string template) => new($"unbalanced braces in {Values.GoQuote.Quote(template)}");

    /// <summary>Go's regexp.QuoteMeta: a backslash before each of <c>\.+*?()|[]{}^$</c>.</summary>
    public static string QuoteMeta(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
