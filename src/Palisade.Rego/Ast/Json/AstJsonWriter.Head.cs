using Palisade.Rego.Values;

namespace Palisade.Rego.Ast.Json;

internal sealed partial class AstJsonWriter
{
    /// <summary>
    /// A rule head's JSON fields. OPA sets <c>name</c> and <c>key</c> by how the head was written, not by what it means:
    /// a one-part ref always has a name; a two-part ref (<c>p[x]</c>, <c>p.q</c>) gets the name and its second part as
    /// key when written without <c>if</c> (<c>p.q := 1</c>), and with <c>if</c> gets the key when that part is a
    /// variable or ref, and the name when a value is written.
    /// </summary>
    private sealed record HeadFields(string? Name, ArrayValue Ref, IReadOnlyList<Value>? Arguments, Value? Key, Value? Value, bool Assign)
    {
        public static HeadFields Of(AstJsonWriter writer, Rule rule)
        {
            var head = rule.Head;
            var reference = writer.RefElements(head.Reference);
            var arguments = head.Arguments is { Count: > 0 } written ? written.Select(writer.Term).ToList() : null;
            var isMultiValue = head.Kind == RuleKind.MultiValue;
            var key = isMultiValue ? writer.Term(head.Key!) : null;
            var value = isMultiValue ? null : head.ImplicitValue ? TrueTerm : writer.Term(head.Value!);

            string? name = head.Reference.Path.Count == 0 ? head.Name : null;
            if (!isMultiValue && arguments is null && head.Reference.Path.Count == 1 && !rule.IsDefault)
            {
                var last = head.Reference.Path[0];
                if (!rule.HasIfKeyword)
                {
                    (name, key) = (head.Name, reference[1]);
                }
                else
                {
                    key = last is RefTerm || !IsGround(last) ? reference[1] : null;
                    name = head.ImplicitValue ? null : head.Name;
                }
            }

            return new HeadFields(name, reference, arguments, key, value, head.Assign);
        }

        public ObjectValue ToValue()
        {
            var fields = new List<(string, Value)>();
            if (Name is not null)
            {
                fields.Add(("name", StringValue.Of(Name)));
            }

            fields.Add(("ref", Ref));
            if (Arguments is not null)
            {
                fields.Add(("args", ArrayValue.Of(Arguments)));
            }

            if (Key is not null)
            {
                fields.Add(("key", Key));
            }

            if (Value is not null)
            {
                fields.Add(("value", Value));
            }

            if (Assign)
            {
                fields.Add(("assign", BooleanValue.True));
            }

            return Object([.. fields]);
        }

        private static bool IsGround(Term term) => term switch
        {
            ScalarTerm => true,
            ArrayTerm array => array.Items.All(IsGround),
            SetTerm set => set.Items.All(IsGround),
            ObjectTerm obj => obj.Items.All(item => IsGround(item.Key) && IsGround(item.Value)),
            _ => false,
        };
    }
}
