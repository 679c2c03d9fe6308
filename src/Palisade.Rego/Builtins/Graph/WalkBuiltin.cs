using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Graph;

/// <summary>
/// <c>walk(x)</c>: a relation yielding <c>[path, value]</c> for x itself (path <c>[]</c>) and every value nested in
/// it, parents before their children: array items by index, object values by key in key order, set members by the
/// member itself as the path step.
/// </summary>
internal static class WalkBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        // OPA types the result as a [path, value] tuple; our types have no tuples, so an array of any.
        var signature = FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), RegoType.Any);
        yield return new BuiltinFunction("walk", signature, Implementation: null, Relation: (_, args) => Walk(args[0]));
    }

    public static IEnumerable<Value> Walk(Value root)
    {
        var path = new List<Value>();
        return Visit(root, path);
    }

    private static IEnumerable<Value> Visit(Value value, List<Value> path)
    {
        yield return ArrayValue.Of(ArrayValue.Of(path), value);
        switch (value)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var pair in Descend(NumberValue.Of(i), a[i], path))
                    {
                        yield return pair;
                    }
                }

                break;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    foreach (var pair in Descend(o.Keys[i], o.Values[i], path))
                    {
                        yield return pair;
                    }
                }

                break;
            case SetValue s:
                for (var i = 0; i < s.Count; i++)
                {
                    var member = s.Items[i];
                    foreach (var pair in Descend(member, member, path))
                    {
                        yield return pair;
                    }
                }

                break;
        }
    }

    private static IEnumerable<Value> Descend(Value step, Value child, List<Value> path)
    {
        path.Add(step);
        try
        {
            foreach (var pair in Visit(child, path))
            {
                yield return pair;
            }
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
        }
    }
}
