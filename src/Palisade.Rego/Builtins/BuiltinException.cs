namespace Palisade.Rego.Builtins;

/// <summary>A builtin could not compute a result (OPA's <c>eval_builtin_error</c>); the message omits the builtin's name.</summary>
public class BuiltinException(string message) : Exception(message);

/// <summary>An argument has the wrong type (OPA's <c>eval_type_error</c>), e.g. "operand 1 must be string but got number".</summary>
public sealed class BuiltinTypeException(string message) : BuiltinException(message);
