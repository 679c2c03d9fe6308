using System.Text;
using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego.Builtins;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>
/// The builtins conftest adds to OPA's, so that policies and their unit tests written for conftest compile and run:
/// <c>parse_config(parser, text)</c>, <c>parse_config_file(path)</c> and <c>parse_combined_config_files(paths)</c>.
/// Paths are relative to the folder of the module that calls them, as in conftest; the parsers are those
/// <c>palisade test</c> reads (YAML, JSON and TOML). A file that cannot be read or parsed is a builtin error.
/// </summary>
public static class ConftestBuiltins
{
    /// <summary>The three builtins; with <paramref name="fileRoot"/>, the files they read must lie below it.</summary>
    public static IReadOnlyList<BuiltinFunction> Functions(string? fileRoot = null)
    {
        var files = new ConfigFiles(fileRoot is null ? null : Path.GetFullPath(fileRoot));
        return
        [
            new("parse_config", FunctionSignature.Of(RegoType.Any, RegoType.String, RegoType.String), ParseConfig),
            new("parse_config_file", FunctionSignature.Of(RegoType.Any, RegoType.String), files.ParseConfigFile, Nondeterministic: true),
            new("parse_combined_config_files", FunctionSignature.Of(RegoType.Any, RegoType.ArrayOf(RegoType.String)), files.ParseCombinedConfigFiles, Nondeterministic: true),
        ];
    }

    private static Value ParseConfig(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var parser = Operands.String(arguments, 0).Value;
        if (!InputReader.Parsers.Contains(parser))
        {
            throw new BuiltinException($"create config parser: unknown parser {parser}: palisade reads {InputReader.ParserList}");
        }

        return Unmarshal("-", Encoding.UTF8.GetBytes(Operands.String(arguments, 1).Value), parser);
    }

    /// <summary>One document as itself; several as an array of them, as conftest's YAML parser returns them.</summary>
    private static Value Unmarshal(string name, byte[] bytes, string parser)
    {
        try
        {
            if (parser == "toml")
            {
                return TomlInput.Parse(name, bytes);
            }

            var documents = new ManifestReader().ReadBytes(name, bytes, parser == "json" ? ManifestFormat.Json : ManifestFormat.Yaml).Where(d => d.Root is not null).ToList();
            return documents.Count == 1
                ? ManifestValues.ToValue(documents[0].Root)
                : ArrayValue.Of(documents.Select(d => ManifestValues.ToValue(d.Root)));
        }
        catch (Exception ex) when (ex is ManifestException or ConftestException)
        {
            throw new BuiltinException($"unmarshal config: {ex.Message}");
        }
    }

    private sealed class ConfigFiles(string? root)
    {
        public Value ParseConfigFile(BuiltinContext context, ReadOnlySpan<Value> arguments)
        {
            var path = Resolve(context, Operands.String(arguments, 0).Value);
            var parser = ParserOf(path);
            return Unmarshal(path, Read(path), parser);
        }

        public Value ParseCombinedConfigFiles(BuiltinContext context, ReadOnlySpan<Value> arguments)
        {
            var paths = Operands.Array(arguments, 0).Items.ToArray()
                .Select(item => item is StringValue s ? s.Value : throw new BuiltinTypeException("operand 1 must be an array of strings"))
                .Select(path => Resolve(context, path))
                .ToList();
            var inputs = paths.Select(path => new InputFile(path, Documents(path))).ToList();
            return ConftestRunner.Combine(inputs);
        }

        /// <summary>The path joined to the calling module's folder and cleaned, as Go's filepath.Join does it.</summary>
        private string Resolve(BuiltinContext context, string path)
        {
            var module = context.CallLocation?.File;
            var folder = string.IsNullOrEmpty(module) ? "." : Path.GetDirectoryName(module) ?? ".";
            var joined = GoPath.Join(folder, path);
            if (root is not null && !Path.GetFullPath(joined).StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                throw new BuiltinException($"read config file {joined}: outside {root}, where policies may read files");
            }

            return joined;
        }

        private static string ParserOf(string path) => InputReader.ParserOf(path) ?? throw new BuiltinException(
            $"create config parser: no parser for {(Path.GetExtension(path) is { Length: > 0 } extension ? extension : "extensionless")} files: palisade reads {InputReader.ParserList}");

        private static byte[] Read(string path)
        {
            try
            {
                return new ManifestReader().ReadAllBytes(path);
            }
            catch (ManifestException ex)
            {
                throw new BuiltinException($"read config file {ex.Message}");
            }
        }

        private static List<InputDocument> Documents(string path)
        {
            try
            {
                return InputReader.Parse(path, Read(path), ParserOf(path), new ManifestReader());
            }
            catch (Exception ex) when (ex is ManifestException or ConftestException)
            {
                throw new BuiltinException($"parse combine configurations: {ex.Message}");
            }
        }
    }
}
