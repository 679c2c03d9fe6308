using System.Text;

namespace Palisade.GitOps.Audit;

/// <summary>
/// The lower-case, dash-separated names of the enums (<c>signature-invalid</c>) used in the database and in JSON:
/// stored as text so that a row means the same after the enum gains or reorders members.
/// </summary>
public static class AuditNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>Reads a name back; throws <see cref="FormatException"/> for one this version does not know.</summary>
    public static T Parse<T>(string text)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (Of(value) == text)
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(Of))}");
    }
}
