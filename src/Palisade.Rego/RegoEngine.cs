using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Compilation;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego;

/// <summary>
/// Holds policy modules and data, and prepares queries over them. Add everything first, then call
/// <see cref="Prepare"/>: the prepared query is immutable and may be evaluated from many threads at once.
/// </summary>
public sealed class RegoEngine
{
    private readonly List<Module> _modules = [];
    private ObjectValue _data = ObjectValue.Empty;

    // Compiling is the costly part of Prepare; callers preparing many queries over the same modules (a test runner)
    // reuse it until a module is added.
    private CompiledPolicy? _compiled;

    public RegoEngine(RegoOptions? options = null) => Options = options ?? new RegoOptions();

    public RegoOptions Options { get; }

    /// <summary>Parses and adds a module; parse errors throw <see cref="RegoParseException"/>.</summary>
    public RegoEngine AddModule(string fileName, string text)
    {
        _modules.Add(RegoParser.ParseModule(text, ParserOptions.Default with { FileName = fileName, DefaultVersion = Options.RegoVersion }));
        _compiled = null;
        return this;
    }

    public RegoEngine AddModule(Module module)
    {
        _modules.Add(module);
        _compiled = null;
        return this;
    }

    /// <summary>Merges a document into data at its root (objects merge key by key).</summary>
    public RegoEngine AddData(ObjectValue data)
    {
        _data = Merge(_data, data);
        return this;
    }

    /// <summary>Compiles the modules and the query; compile errors throw <see cref="Errors.RegoException"/>.</summary>
    public PreparedQuery Prepare(string query)
    {
        var body = RegoParser.ParseQuery(query, ParserOptions.Default with { FileName = "query", DefaultVersion = Options.RegoVersion });
        var policy = CompileModules();
        return new PreparedQuery(policy, PolicyCompiler.CompileQuery(body, policy), _data, Options);
    }

    /// <summary>
    /// Compiles the modules added so far, so that their errors surface now rather than at the first query (as OPA
    /// compiles every loaded module whether or not a query reads it).
    /// </summary>
    public RegoEngine Compile()
    {
        CompileModules();
        return this;
    }

    private CompiledPolicy CompileModules() => _compiled ??= PolicyCompiler.Compile(_modules, Options.Builtins, Options.Strict);

    private static ObjectValue Merge(ObjectValue a, ObjectValue b)
    {
        var entries = new Dictionary<Value, Value>();
        foreach (var (key, value) in a.Entries)
        {
            entries[key] = value;
        }

        foreach (var (key, value) in b.Entries)
        {
            entries[key] = entries.TryGetValue(key, out var existing) && existing is ObjectValue left && value is ObjectValue right
                ? Merge(left, right)
                : value;
        }

        return ObjectValue.Of(entries);
    }
}

/// <summary>Settings for an engine: the Rego version modules default to, and the builtins they may call.</summary>
public sealed record RegoOptions
{
    public RegoVersion RegoVersion { get; init; } = RegoVersion.V1;

    public BuiltinRegistry Builtins { get; init; } = BuiltinRegistry.Default;

    /// <summary>
    /// OPA's compiler strict mode: unused or duplicate imports, assignments never used and deprecated builtins are errors.
    /// </summary>
    public bool Strict { get; init; }
}
