using Palisade.Kube.Manifests;
using Palisade.Kube.Templates;

namespace Palisade.Kube.Tests.Templates;

internal static class TemplateTestHelpers
{
    public static GenerationResult Generate(string yaml, string file = "t.yaml") =>
        TemplateGenerator.Generate(new ManifestReader().ReadText(file, yaml));

    public static IReadOnlyList<string> Problems(string yaml) => Generate(yaml).Diagnostics.Select(d => d.ToString()).ToArray();
}
