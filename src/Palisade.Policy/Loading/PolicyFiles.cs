using Palisade.Kube.Manifests;
using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Policy.Loading;

/// <summary>Rego modules and data documents read from files and folders, as OPA's loader reads them.</summary>
public sealed record PolicyFiles(IReadOnlyList<Module> Modules, ObjectValue Data);

/// <summary>
/// Loads <c>.rego</c> files as modules and <c>.json</c>/<c>.yaml</c>/<c>.yml</c> files as data. As in OPA, a data file
/// found inside a folder given on the command line is placed under data at its folder's path relative to that folder
/// (<c>policy/x/y/data.json</c> loaded with <c>-d policy</c> is <c>data.x.y</c>); a file given directly is at the root.
/// </summary>
public sealed class PolicyLoader(ManifestReader? reader = null, RegoVersion regoVersion = RegoVersion.V1)
{
    private readonly ManifestReader _reader = reader ?? new ManifestReader();

    public PolicyFiles Load(IEnumerable<string> paths)
    {
        var modules = new List<Module>();
        var data = ObjectValue.Empty;
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? FolderFiles.Under(path).Select(f => (File: f, Root: path))
                : File.Exists(path) ? [(File: path, Root: Path.GetDirectoryName(path) ?? ".")] : throw new ManifestException(SourceLocation.OfFile(path), "no such file or folder");
            foreach (var (file, root) in files)
            {
                var display = file.Replace('\\', '/');
                if (file.EndsWith(".rego", StringComparison.Ordinal))
                {
                    modules.Add(RegoParser.ParseModule(File.ReadAllText(file), ParserOptions.Default with { FileName = display, DefaultVersion = regoVersion }));
                }
                else if (IsData(file))
                {
                    var prefix = Directory.Exists(path) ? FolderPath(root, file) : [];
                    foreach (var document in _reader.ReadFile(display, file))
                    {
                        if (document.Root is null)
                        {
                            continue;
                        }

                        var value = ManifestValues.ToValue(document.Root);
                        data = DataMerge.Merge(data, prefix.Length == 0 ? AsObject(value, document) : DataMerge.Nest(prefix, value));
                    }
                }
            }
        }

        return new PolicyFiles(modules, data);
    }

    private static bool IsData(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string[] FolderPath(string root, string file)
    {
        var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
        return relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar);
    }

    private static ObjectValue AsObject(Value value, ManifestDocument document) =>
        value as ObjectValue ?? throw new ManifestException(document.Location, "a data file at the root of data must hold an object");
}
