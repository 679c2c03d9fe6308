using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Operations on static types as OPA's type checker performs them. A null type is OPA's "nil": not known yet. Collection
/// types are kept as element types only (OPA also tracks fixed array positions and object keys); that loses precision,
/// so the checker may accept what OPA rejects, but never rejects what OPA accepts.
/// </summary>
internal static class TypeAlgebra
{
    public static bool IsAny(RegoType? type) => type is AnyOfType { IsAny: true };

    /// <summary>Whether a value of one type could be a value of the other (OPA's <c>unifies</c>).</summary>
    public static bool Unifies(RegoType? a, RegoType? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (a is AnyOfType anyA && (anyA.IsAny || anyA.Members.Any(m => Unifies(m, b))))
        {
            return true;
        }

        if (b is AnyOfType anyB && (anyB.IsAny || anyB.Members.Any(m => Unifies(a, m))))
        {
            return true;
        }

        return (a, b) switch
        {
            (AnyOfType, _) or (_, AnyOfType) => false,
            (ScalarType x, ScalarType y) => x.Name == y.Name,
            (ArrayType x, ArrayType y) => Unifies(x.Element, y.Element),
            (SetType x, SetType y) => Unifies(x.Element, y.Element),
            (ObjectType x, ObjectType y) => Unifies(x.Value, y.Value),
            _ => false,
        };
    }

    /// <summary>The union of two types; a type that contains the other is returned as it is.</summary>
    public static RegoType? Or(RegoType? a, RegoType? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        if (IsAny(a) || IsAny(b))
        {
            return RegoType.Any;
        }

        var members = Members(a).Concat(Members(b)).Distinct().Order(Comparer).ToArray();
        return members.Length == 1 ? members[0] : RegoType.AnyOf(members);
    }

    /// <summary>The type of the keys a value of this type can be looked up by; null for a scalar.</summary>
    public static RegoType? Keys(RegoType? type) => type switch
    {
        ArrayType => RegoType.Number,
        ObjectType o => o.Key,
        SetType s => s.Element,
        AnyOfType { IsAny: true } => RegoType.Any,
        AnyOfType u => u.Members.Select(Keys).Aggregate((RegoType?)null, Or),
        _ => null,
    };

    /// <summary>The type of the values a value of this type holds; null for a scalar.</summary>
    public static RegoType? Values(RegoType? type) => type switch
    {
        ArrayType a => a.Element,
        ObjectType o => o.Value,
        SetType s => s.Element,
        AnyOfType { IsAny: true } => RegoType.Any,
        AnyOfType u => u.Members.Select(Values).Aggregate((RegoType?)null, Or),
        _ => null,
    };

    /// <summary>The type found under a constant key, or null when no value of the type can have that key.</summary>
    public static RegoType? Select(RegoType type, Value key) => type switch
    {
        ArrayType a => key is NumberValue ? a.Element : null,
        ObjectType o => Contains(o.Key, Of(key)) ? o.Value : null,
        SetType s => Contains(s.Element, Of(key)) ? Of(key) : null,
        AnyOfType { IsAny: true } => RegoType.Any,
        AnyOfType u => u.Members.Select(m => Select(m, key)).Aggregate((RegoType?)null, Or),
        _ => null,
    };

    /// <summary>Whether every value of <paramref name="inner"/> is a value of <paramref name="outer"/>.</summary>
    public static bool Contains(RegoType outer, RegoType inner) => outer switch
    {
        AnyOfType { IsAny: true } => true,
        AnyOfType u => u.Members.Any(m => Contains(m, inner)),
        _ => Comparer.Compare(outer, inner) == 0 || (outer, inner) switch
        {
            (ArrayType x, ArrayType y) => Contains(x.Element, y.Element),
            (SetType x, SetType y) => Contains(x.Element, y.Element),
            (ObjectType x, ObjectType y) => Contains(x.Key, y.Key) && Contains(x.Value, y.Value),
            _ => false,
        },
    };

    /// <summary>The type of a constant value.</summary>
    public static RegoType Of(Value value) => value switch
    {
        NullValue => RegoType.Null,
        BooleanValue => RegoType.Boolean,
        NumberValue => RegoType.Number,
        StringValue => RegoType.String,
        ArrayValue a => RegoType.ArrayOf(Union(a.Items.ToArray().Select(Of))),
        SetValue s => RegoType.SetOf(Union(s.Items.ToArray().Select(Of))),
        ObjectValue o => RegoType.ObjectOf(Union(o.Entries.Select(e => Of(e.Key))), Union(o.Entries.Select(e => Of(e.Value)))),
        _ => RegoType.Any,
    };

    /// <summary>The union of element types; an empty collection's elements are <c>any</c>.</summary>
    public static RegoType Union(IEnumerable<RegoType> types) => types.Aggregate((RegoType?)null, Or) ?? RegoType.Any;

    /// <summary>A type as OPA prints it: union members in OPA's type order, nil as <c>???</c>.</summary>
    public static string Print(RegoType? type) => type is null ? "???" : Sorted(type).ToString();

    private static RegoType Sorted(RegoType type) => type switch
    {
        ArrayType a => RegoType.ArrayOf(Sorted(a.Element)),
        SetType s => RegoType.SetOf(Sorted(s.Element)),
        ObjectType o => RegoType.ObjectOf(Sorted(o.Key), Sorted(o.Value)),
        AnyOfType u => RegoType.AnyOf(u.Members.Select(Sorted).Order(Comparer).ToArray()),
        _ => type,
    };

    private static IEnumerable<RegoType> Members(RegoType type) => type is AnyOfType u ? u.Members : [type];

    /// <summary>OPA's order of types: null, boolean, number, string, array, object, set, any.</summary>
    public static IComparer<RegoType> Comparer { get; } = Comparer<RegoType>.Create(Compare);

    private static int Compare(RegoType a, RegoType b)
    {
        var byKind = Rank(a).CompareTo(Rank(b));
        if (byKind != 0)
        {
            return byKind;
        }

        return (a, b) switch
        {
            (ArrayType x, ArrayType y) => Compare(x.Element, y.Element),
            (SetType x, SetType y) => Compare(x.Element, y.Element),
            (ObjectType x, ObjectType y) => Compare(x.Key, y.Key) is var k and not 0 ? k : Compare(x.Value, y.Value),
            (AnyOfType x, AnyOfType y) => CompareMembers(x.Members, y.Members),
            _ => 0,
        };
    }

    private static int CompareMembers(IReadOnlyList<RegoType> a, IReadOnlyList<RegoType> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int Rank(RegoType type) => type switch
    {
        ScalarType { Name: "null" } => 0,
        ScalarType { Name: "boolean" } => 1,
        ScalarType { Name: "number" } => 2,
        ScalarType { Name: "string" } => 3,
        ArrayType => 4,
        ObjectType => 5,
        SetType => 6,
        _ => 7,
    };
}
