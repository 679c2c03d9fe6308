namespace Palisade.Rego.Ast;

public sealed record Module(Package Package, IReadOnlyList<Import> Imports, IReadOnlyList<Rule> Rules, RegoVersion RegoVersion, Location Location)
    : Node(Location);
