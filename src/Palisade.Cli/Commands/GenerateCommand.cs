using System.CommandLine;
using Palisade.Kube.Manifests;
using Palisade.Kube.Output;
using Palisade.Kube.Templates;
using Palisade.Kube.Text;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade generate TEMPLATES... -o OUTDIR [--check]</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var templates = new Argument<string[]>("templates")
        {
            Description = "Template files or folders (.yaml, .yml, .json; folders are read recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder to write the generated policies to, one file per object: <namespace or _global>/<objecttype>-<name>.yaml.",
            Required = true,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 and print a diff when the folder does not hold exactly what the templates generate (for CI).",
        };
        var command = new Command("generate", "Generate Calico or Kubernetes network policies from access templates.")
        {
            templates, output, check,
        };
        command.SetAction(result => Run(
            result.GetRequiredValue(templates),
            result.GetRequiredValue(output),
            result.GetValue(check),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] templatePaths, string outputFolder, bool check, TextWriter stdout, TextWriter stderr)
    {
        var read = new ManifestReader().ReadPaths(templatePaths);
        var generated = read.Succeeded ? TemplateGenerator.Generate(read.Documents) : null;
        var problems = generated?.Diagnostics ?? read.Errors;
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }

            stderr.WriteLine($"generate: {Plural(problems.Count, "problem")}; nothing written");
            return ExitCodes.Failure;
        }

        var folder = new GeneratedFolder(outputFolder, GeneratedFileRenderer.Marker);
        try
        {
            var planned = GeneratedFileRenderer.Render(generated!.Objects, outputFolder);
            var changes = folder.Compare(planned);
            return check ? Check(changes, planned.Count, outputFolder, stdout, stderr) : Write(folder, changes, planned.Count, stdout);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"{outputFolder}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static int Check(IReadOnlyList<FileChange> changes, int planned, string outputFolder, TextWriter stdout, TextWriter stderr)
    {
        if (changes.Count == 0)
        {
            stdout.WriteLine($"generate --check: {Plural(planned, "file")} in {outputFolder} match the templates");
            return ExitCodes.Success;
        }

        foreach (var change in changes)
        {
            var name = $"{outputFolder.TrimEnd('/')}/{change.RelativePath}";
            stdout.Write(UnifiedDiff.Format(
                change.Kind == FileChangeKind.Create ? "/dev/null" : "a/" + name,
                change.Kind == FileChangeKind.Delete ? "/dev/null" : "b/" + name,
                change.OldContent ?? "",
                change.NewContent ?? ""));
        }

        stderr.WriteLine($"generate --check: {Plural(changes.Count, "file")} in {outputFolder} differ from what the templates generate; run palisade generate and commit the result");
        return ExitCodes.Failure;
    }

    private static int Write(GeneratedFolder folder, IReadOnlyList<FileChange> changes, int planned, TextWriter stdout)
    {
        folder.Apply(changes);
        foreach (var change in changes)
        {
            var verb = change.Kind switch { FileChangeKind.Create => "created", FileChangeKind.Update => "updated", _ => "removed" };
            stdout.WriteLine($"{verb} {change.RelativePath}");
        }

        var unchanged = planned - changes.Count(c => c.Kind != FileChangeKind.Delete);
        stdout.WriteLine(
            $"generate: {changes.Count(c => c.Kind == FileChangeKind.Create)} created, {changes.Count(c => c.Kind == FileChangeKind.Update)} updated, "
            + $"{changes.Count(c => c.Kind == FileChangeKind.Delete)} removed, {unchanged} unchanged");
        return ExitCodes.Success;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
