namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// A compiled CEL expression. Compiling parses it and checks every name: the variables in scope (<c>self</c>,
/// <c>oldSelf</c> and macro variables) and the known functions, so an expression Palisade cannot run is refused
/// up front with a <see cref="CelSyntaxException"/>.
/// </summary>
public sealed class CelProgram
{
    /// <summary>Evaluation steps allowed for one run: ample for the rules of real CRDs, small enough to stay fast.</summary>
    public const long DefaultBudget = 1_000_000;

    private readonly CelExpr _root;

    private CelProgram(string source, CelExpr root, bool usesOldSelf)
    {
        Source = source;
        _root = root;
        UsesOldSelf = usesOldSelf;
    }

    public string Source { get; }

    /// <summary>A transition rule, which compares with the object's previous version and runs only on updates.</summary>
    public bool UsesOldSelf { get; }

    public static CelProgram Compile(string source)
    {
        var root = CelParser.Parse(source);
        var usesOldSelf = false;
        Check(root, ["self", "oldSelf"], ref usesOldSelf);
        return new CelProgram(source, root, usesOldSelf);
    }

    /// <summary>Runs the expression with the given variables; a <see cref="CelEvaluationException"/> when it errs.</summary>
    internal object Evaluate(IReadOnlyDictionary<string, object> variables, long budget = DefaultBudget) =>
        CelEvaluator.Evaluate(_root, variables, budget);

    private static void Check(CelExpr expr, IReadOnlyCollection<string> scope, ref bool usesOldSelf)
    {
        switch (expr)
        {
            case CelIdent ident:
                if (!scope.Contains(ident.Name))
                {
                    throw new CelSyntaxException($"undeclared reference to '{ident.Name}'", ident.Position);
                }

                usesOldSelf |= ident.Name == "oldSelf";
                break;
            case CelSelect select:
                Check(select.Operand, scope, ref usesOldSelf);
                break;
            case CelIndex index:
                Check(index.Operand, scope, ref usesOldSelf);
                Check(index.Index, scope, ref usesOldSelf);
                break;
            case CelCall call:
                if (CelFunctions.CheckCall(call.Target is not null, call.Function, call.Args.Count) is { } problem)
                {
                    throw new CelSyntaxException(problem, call.Position);
                }

                if (call.Target is not null)
                {
                    Check(call.Target, scope, ref usesOldSelf);
                }

                foreach (var arg in call.Args)
                {
                    Check(arg, scope, ref usesOldSelf);
                }

                break;
            case CelUnary unary:
                Check(unary.Operand, scope, ref usesOldSelf);
                break;
            case CelBinary binary:
                Check(binary.Left, scope, ref usesOldSelf);
                Check(binary.Right, scope, ref usesOldSelf);
                break;
            case CelConditional conditional:
                Check(conditional.Condition, scope, ref usesOldSelf);
                Check(conditional.Then, scope, ref usesOldSelf);
                Check(conditional.Else, scope, ref usesOldSelf);
                break;
            case CelListLiteral list:
                foreach (var item in list.Items)
                {
                    Check(item, scope, ref usesOldSelf);
                }

                break;
            case CelMapLiteral map:
                foreach (var (key, value) in map.Entries)
                {
                    Check(key, scope, ref usesOldSelf);
                    Check(value, scope, ref usesOldSelf);
                }

                break;
            case CelComprehension comprehension:
                Check(comprehension.Range, scope, ref usesOldSelf);
                Check(comprehension.Body, [.. scope, comprehension.Variable], ref usesOldSelf);
                break;
        }
    }
}
