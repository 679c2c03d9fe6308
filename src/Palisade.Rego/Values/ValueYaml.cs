using Palisade.Rego.Builtins;
using Palisade.Rego.Builtins.Encodings;

namespace Palisade.Rego.Values;

/// <summary>Values from YAML text, read straight into Rego values (no JSON in between), as OPA's YAML reader reads them.</summary>
public static class ValueYaml
{
    /// <summary>The value of a single YAML document.</summary>
    /// <exception cref="FormatException">The text is not valid YAML; the message names the line.</exception>
    public static Value Parse(string yaml)
    {
        try
        {
            return GoYamlReader.Read(yaml);
        }
        catch (BuiltinException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
