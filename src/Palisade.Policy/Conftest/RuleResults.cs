using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;
using Palisade.Rego;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>
/// Turns a rule query's value into conftest's results. A set or array of messages gives one result per message; a
/// message is a string, or an object whose string <c>msg</c> is the message and whose other keys are metadata. An
/// empty collection, or any other value (<c>deny := true</c>), is one passed result.
/// </summary>
public static class RuleResults
{
    /// <summary>Messages, and how many results passed (conftest counts them as successes).</summary>
    public static (List<CheckResult> Messages, int Passed) Read(IReadOnlyList<QueryResult> results, string query, SourceLocation? location, IReadOnlyList<string> outputs)
    {
        var messages = new List<CheckResult>();
        var passed = 0;
        foreach (var result in results)
        {
            foreach (var value in result.Expressions)
            {
                var items = value switch
                {
                    SetValue set => set.Items.ToArray(),
                    ArrayValue array => array.Items.ToArray(),
                    _ => [],
                };
                if (items.Length == 0)
                {
                    passed++;
                    continue;
                }

                foreach (var item in items)
                {
                    var message = Message(item, query, location, outputs);
                    if (message is null)
                    {
                        continue;
                    }

                    // conftest treats an empty message as a pass.
                    if (message.Message.Length == 0)
                    {
                        passed++;
                    }
                    else
                    {
                        messages.Add(message);
                    }
                }
            }
        }

        return (messages, passed);
    }

    private static CheckResult? Message(Value item, string query, SourceLocation? location, IReadOnlyList<string> outputs)
    {
        switch (item)
        {
            case StringValue text:
                return new CheckResult(text.Value, location, ObjectValue.Of(("query", StringValue.Of(query))), query, outputs);
            case ObjectValue fields:
                if (!fields.TryGetValue("msg", out var msg))
                {
                    throw new ConftestException(location, $"{query}: rule missing msg field: {ValueJson.Serialize(fields)}");
                }

                if (msg is not StringValue msgText)
                {
                    throw new ConftestException(location, $"{query}: msg field must be string: {ValueJson.Serialize(fields)}");
                }

                var metadata = fields.Entries
                    .Where(e => e.Key is not StringValue { Value: "msg" or "_loc" })
                    .Append(new KeyValuePair<Value, Value>(StringValue.Of("query"), StringValue.Of(query)));
                return new CheckResult(msgText.Value, OwnLocation(fields) ?? location, ObjectValue.Of(metadata), query, outputs);
            default:
                // conftest ignores messages of other types.
                return null;
        }
    }

    /// <summary>A result may say where it is about with <c>_loc: {file, line}</c>; that beats the document's position.</summary>
    private static SourceLocation? OwnLocation(ObjectValue fields)
    {
        if (!fields.TryGetValue("_loc", out var loc) || loc is not ObjectValue where)
        {
            return null;
        }

        var file = where.TryGetValue("file", out var f) && f is StringValue fs ? fs.Value : null;
        var line = where.TryGetValue("line", out var l) && l is NumberValue ln && ln.TryGetInt32(out var n) ? n : 0;
        return file is null ? null : new SourceLocation(file, line, 0);
    }
}
