namespace Palisade.Rego.Ast;

/// <summary>A Rego term: a scalar, variable, reference, collection, comprehension, call or template string.</summary>
public abstract record Term(Location Location) : Node(Location);
