using System.Runtime.ExceptionServices;
using Palisade.Policy.Checks;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>
/// Checks inputs against a loaded policy as <c>conftest test</c> does: every distinct failure/warning rule of each
/// namespace is queried per document, exceptions first; results of a multi-document file are added up under its name.
/// Files are read and checked in parallel; the report keeps conftest's order (namespace, then input).
/// </summary>
public sealed class ConftestRunner(ConftestPolicy policy, ConftestOptions options)
{
    public const string CombinedName = "Combined";

    public TestRun Run(IReadOnlyList<string> paths, InputReader reader)
    {
        if (options.Combine)
        {
            return RunCombined(InParallel(paths, reader.Read));
        }

        return Report(InParallel(paths, path => CheckFile(reader.Read(path))));
    }

    /// <summary>Checks inputs already in memory (objects read from a cluster) as files are checked.</summary>
    public TestRun Run(IReadOnlyList<InputFile> inputs) =>
        options.Combine ? RunCombined(inputs) : Report(InParallel(inputs, CheckFile));

    private TestRun RunCombined(IEnumerable<InputFile> files)
    {
        var combined = new InputFile(CombinedName, [new InputDocument(Combine(files), null)]);
        var outcome = CheckFile(combined);
        return new TestRun(new CheckReport(outcome.Results), outcome.Trace);
    }

    /// <summary>conftest's order: by namespace, then by input.</summary>
    private TestRun Report(FileOutcome[] outcomes)
    {
        var ordered = new List<FileCheckResults>();
        for (var ns = 0; ns < policy.Namespaces.Count; ns++)
        {
            ordered.AddRange(outcomes.Select(o => o.Results[ns]));
        }

        return new TestRun(new CheckReport(ordered), outcomes.SelectMany(o => o.Trace).ToList());
    }

    /// <summary>conftest's combined input: one <c>{path, contents}</c> per document, in input order.</summary>
    internal static ArrayValue Combine(IEnumerable<InputFile> files) => ArrayValue.Of(
        files.SelectMany(file => file.Documents.Select(doc => (Value)ObjectValue.Of(("path", StringValue.Of(file.Name)), ("contents", doc.Value)))));

    private FileOutcome CheckFile(InputFile file)
    {
        var data = WithFileInfo(policy.Data, file.Name);
        var trace = options.Trace ? new List<string>() : null;
        var builtinErrors = options.ShowBuiltinErrors ? new List<RegoException>() : null;
        var results = policy.Namespaces.Select(ns => new FileCheck(file.Name, ns, data, trace, builtinErrors, options.QueryTimeout).Run(file.Documents)).ToList();
        if (builtinErrors is { Count: > 0 })
        {
            throw new ConftestException(null, $"{file.Name}: built-in error: {string.Join("; ", builtinErrors.Select(e => e.ToString()).Distinct())}");
        }

        return new FileOutcome(results, (IReadOnlyList<string>?)trace ?? []);
    }

    /// <summary><c>data.conftest.file</c>: the input's base name and folder, from its absolute path.</summary>
    private static ObjectValue WithFileInfo(ObjectValue data, string name)
    {
        var full = Path.GetFullPath(name);
        var file = ObjectValue.Of(("name", StringValue.Of(Path.GetFileName(full))), ("dir", StringValue.Of(Path.GetDirectoryName(full) ?? "/")));
        var conftest = data.TryGetValue("conftest", out var existing) && existing is ObjectValue o ? o : ObjectValue.Empty;
        var entries = conftest.Entries.Where(e => e.Key is not StringValue { Value: "file" }).Append(new(StringValue.Of("file"), file));
        var root = data.Entries.Where(e => e.Key is not StringValue { Value: "conftest" }).Append(new(StringValue.Of("conftest"), ObjectValue.Of(entries)));
        return ObjectValue.Of(root);
    }

    /// <summary>Runs <paramref name="work"/> for every item on all cores; results in item order; the first failing item's error wins.</summary>
    private static T[] InParallel<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, T> work)
    {
        var results = new T[items.Count];
        var errors = new Exception?[items.Count];
        Parallel.For(0, items.Count, i =>
        {
            try
            {
                results[i] = work(items[i]);
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }

        return results;
    }

    private sealed record FileOutcome(IReadOnlyList<FileCheckResults> Results, IReadOnlyList<string> Trace);
}
