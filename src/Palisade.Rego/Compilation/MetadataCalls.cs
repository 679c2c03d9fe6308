using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Replaces <c>rego.metadata.chain()</c> and <c>rego.metadata.rule()</c> in a rule by their values, which are fixed
/// for the rule at compile time (OPA's RewriteRegoMetadataCalls). A call with an output argument becomes a
/// unification of the value with that argument.
/// </summary>
internal static class MetadataCalls
{
    public const string ChainName = "rego.metadata.chain";
    public const string RuleName = "rego.metadata.rule";

    public static Rule Rewrite(Rule rule, Func<Value> chain, Func<Value> ruleMetadata)
    {
        // The values are made only for rules that call the functions.
        var chainValue = new Lazy<Value>(chain);
        var ruleValue = new Lazy<Value>(ruleMetadata);
        Term Map(Term term) => term switch
        {
            CallTerm { Name: ChainName } call => Replace(call, chainValue.Value),
            CallTerm { Name: RuleName } call => Replace(call, ruleValue.Value),
            _ => term,
        };

        var key = rule.Head.Key is null ? null : TermRewriter.Term(rule.Head.Key, Map);
        var value = rule.Head.Value is null ? null : TermRewriter.Term(rule.Head.Value, Map);
        var body = TermRewriter.Body(rule.Body, Map);
        return ReferenceEquals(key, rule.Head.Key) && ReferenceEquals(value, rule.Head.Value) && ReferenceEquals(body, rule.Body)
            ? rule
            : rule with { Head = rule.Head with { Key = key, Value = value }, Body = body };
    }

    private static Term Replace(CallTerm call, Value value)
    {
        var constant = new ScalarTerm(value, call.Location);
        return call.Arguments.Count switch
        {
            0 => constant,
            1 => new CallTerm(OperatorRefs.Get(Operators.Unify, call.Location), [constant, call.Arguments[0]], call.Location),
            // A wrong number of arguments is left for the arity check to report.
            _ => call,
        };
    }
}
