namespace Palisade.Policy.Conftest.Settings;

/// <summary>
/// Where a <c>palisade test</c> setting comes from when its flag is not given, in conftest's order: the
/// <c>CONFTEST_&lt;FLAG&gt;</c> environment variable (dashes as underscores, upper case), then the configuration file.
/// Values are text as a flag would receive it; an environment variable holding a list separates items by white space,
/// as conftest (viper) splits it. Paths are used as written, so relative ones resolve against the current directory.
/// </summary>
public sealed class SettingSources(ConfigFile file, Func<string, string?> environment)
{
    /// <summary>The values of the setting named like the flag (<c>fail-on-warn</c>); null when neither source sets it.</summary>
    public IReadOnlyList<string>? Find(string name)
    {
        var variable = EnvironmentVariable(name);
        if (environment(variable) is { } text)
        {
            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }

        return file.Values.TryGetValue(name, out var values) ? values : null;
    }

    /// <summary>The one value of a setting that takes one; a list here is an error naming its source.</summary>
    public string? FindOne(string name)
    {
        if (Find(name) is not { } values)
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw Error(name, $"expects one value, got {values.Count}");
    }

    public bool? FindBool(string name) => FindOne(name) switch
    {
        null => null,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" => false,
        var text => throw Error(name, $"expects true or false, got '{text}'"),
    };

    /// <summary>A setting restricted to some values (<c>output</c>, <c>parser</c>), checked as its flag is checked.</summary>
    public string? FindOneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var value = FindOne(name);
        return value is null || allowed.Contains(value)
            ? value
            : throw Error(name, $"'{value}' is not one of {string.Join(", ", allowed)}");
    }

    public static string EnvironmentVariable(string name) =>
        "CONFTEST_" + name.Replace('-', '_').ToUpperInvariant();

    private ConftestException Error(string name, string problem)
    {
        var variable = EnvironmentVariable(name);
        var source = environment(variable) is not null ? variable : $"{file.Name}: {name}";
        return new ConftestException(null, $"{source} {problem}");
    }
}
