using System.Collections.Concurrent;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins;

/// <summary>
/// What a builtin may know of the evaluation calling it. One context serves one query evaluation: its clock reading
/// and its random results are fixed for the whole query, as OPA fixes them.
/// </summary>
public sealed class BuiltinContext
{
    public BuiltinContext(DateTimeOffset now, CancellationToken cancellation = default)
    {
        _now = now;
        Cancellation = cancellation;
    }

    /// <summary>A context that reads the clock when a builtin first asks for the time.</summary>
    public BuiltinContext(CancellationToken cancellation = default) => Cancellation = cancellation;

    /// <summary>The query's time; <c>time.now_ns</c> answers this throughout the query.</summary>
    public DateTimeOffset Now => _now ??= DateTimeOffset.UtcNow;

    public CancellationToken Cancellation { get; }

    /// <summary>When the evaluation must end, if it has a deadline; builtins that wait stop waiting then.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// Most items one builtin call may generate (<c>numbers.range</c>, <c>net.cidr_expand</c>). OPA has no such bound
    /// and runs out of memory instead; an argument taken from the input (a replica count, an ipBlock) must not be able
    /// to take down the webhook or CI that evaluates it.
    /// </summary>
    public const int MaxGeneratedItems = 10_000_000;

    /// <summary>For builtins that loop long: stops them when the caller cancelled or the deadline passed.</summary>
    public void ThrowIfCancelled()
    {
        Cancellation.ThrowIfCancellationRequested();
        if (Deadline is { } deadline && DateTimeOffset.UtcNow > deadline)
        {
            throw new OperationCanceledException("the evaluation's deadline passed");
        }
    }

    /// <summary>Seed for <c>rand.intn</c> and <c>uuid.rfc4122</c>; results are memoised per query and arguments.</summary>
    public Random Random
    {
        get => _random ??= new Random();
        init => _random = value;
    }

    /// <summary>Where <c>print</c> and <c>trace</c> output goes; null discards it.</summary>
    public Action<string>? Print { get; init; }

    /// <summary>
    /// Where <c>print</c> output goes together with the location of the <c>print</c> call (conftest shows it as
    /// <c>file:line: text</c>); when set, <c>print</c> goes here instead of <see cref="Print"/>.
    /// </summary>
    public Action<Ast.Location, string>? PrintAt { get; init; }

    /// <summary>
    /// Where the builtin being evaluated is called, set by the evaluator before each call: builtins that resolve paths
    /// against the calling module (conftest's <c>parse_config_file</c>) read it.
    /// </summary>
    public Ast.Location? CallLocation { get; internal set; }

    /// <summary>What <c>opa.runtime()</c> returns.</summary>
    public ObjectValue Runtime { get; init; } = ObjectValue.Empty;

    /// <summary>
    /// Per-query memory for builtins that must answer the same within one query (<c>rand.intn</c>, <c>uuid.rfc4122</c>).
    /// Keys should be tuples that start with the builtin's name.
    /// </summary>
    public ConcurrentDictionary<object, Value> QueryCache => _queryCache ??= new();

    // Most queries never read the clock, draw a random number or memoise anything: each is made on first use.
    private DateTimeOffset? _now;
    private Random? _random;
    private ConcurrentDictionary<object, Value>? _queryCache;
}
