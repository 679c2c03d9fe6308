using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>An author: from <c>Name &lt;email&gt;</c> or from a map with <c>name</c> and/or <c>email</c>.</summary>
public sealed record AnnotationAuthor(string Name, string Email)
{
    public ObjectValue ToValue() => (Name.Length > 0, Email.Length > 0) switch
    {
        (true, true) => ObjectValue.Of(("name", StringValue.Of(Name)), ("email", StringValue.Of(Email))),
        (true, false) => ObjectValue.Of(("name", StringValue.Of(Name))),
        _ => ObjectValue.Of(("email", StringValue.Of(Email))),
    };
}
