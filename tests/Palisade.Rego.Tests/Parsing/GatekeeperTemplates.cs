namespace Palisade.Rego.Tests.Parsing;

/// <summary>The Rego sources of one Gatekeeper ConstraintTemplate target: its <c>rego</c> and its <c>libs</c>.</summary>
internal sealed record GatekeeperTarget(string Name, string Rego, IReadOnlyList<string> Libs);

/// <summary>Reads Gatekeeper's ConstraintTemplates from the shared library checkout.</summary>
internal static class GatekeeperTemplates
{
    public static string Root => Path.Combine(SharedData.Root, "gatekeeper-library", "library");

    /// <summary>Every template's targets, by template path relative to <see cref="Root"/>; <paramref name="unreadable"/> gets the YAML errors worked around.</summary>
    public static IReadOnlyList<GatekeeperTarget> Targets(List<string> unreadable)
    {
        var targets = new List<GatekeeperTarget>();
        foreach (var file in Directory.EnumerateFiles(Root, "template.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Root, file);
            IEnumerable<YamlDotNet.RepresentationModel.YamlDocument> documents;
            try
            {
                documents = YamlNodes.Load(file);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                // YamlDotNet rejects a few templates that Kubernetes' YAML reader accepts (in their descriptions):
                // lift the block-literal Rego out of those by indentation instead. They have no libs.
                unreadable.Add($"{name}: {e.Message}");
                targets.AddRange(BlockScalars(File.ReadAllLines(file), "rego:").Select(rego => new GatekeeperTarget(name, rego, [])));
                continue;
            }

            foreach (var document in documents)
            {
                foreach (var target in document.RootNode.Get("spec")?.Get("targets").Items() ?? [])
                {
                    // Older templates hold the Rego on the target; newer ones in the source of its Rego code engine.
                    var rego = target.Get("code").Items().Where(code => code.Get("engine").Text() == "Rego").Select(code => code.Get("source")).OfType<YamlDotNet.RepresentationModel.YamlNode>()
                        .Prepend(target)
                        .FirstOrDefault(holder => holder.Get("rego").Text() is not null);
                    if (rego is not null)
                    {
                        var libs = rego.Get("libs").Items().Select(lib => lib.Text() ?? string.Empty).ToArray();
                        targets.Add(new GatekeeperTarget(name, rego.Get("rego").Text()!, libs));
                    }
                }
            }
        }

        return targets;
    }

    /// <summary>The bodies of <c>key: |</c> block literals, found by indentation.</summary>
    private static IEnumerable<string> BlockScalars(string[] lines, string key)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (!trimmed.StartsWith(key, StringComparison.Ordinal) || !trimmed.EndsWith('|'))
            {
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var line = lines[j];
                if (line.Trim().Length > 0 && line.Length - line.TrimStart().Length <= indent)
                {
                    break;
                }

                body.Add(line);
            }

            var margin = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            yield return string.Join('\n', body.Select(l => l.Length >= margin ? l[margin..] : l.TrimStart()));
            i = j - 1;
        }
    }
}
