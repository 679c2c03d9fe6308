using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>Query validation rules, through graphql.parse's errors (gqlparser's messages, final period dropped).</summary>
public sealed class ValidationTests
{
    private const string Schema = """
        interface Node { id: ID! }
        type User implements Node { id: ID! name(upper: Boolean): String friends: [User!] }
        type Bot implements Node { id: ID! }
        union Actor = User | Bot
        enum Role { ADMIN, GUEST }
        input Filter { role: Role! limit: Int = 10 }
        type Query { user(id: ID!): User node: Node actor: Actor users(filter: Filter): [User] count: Int }
        type Mutation { rename(name: String!): User }
        """;

    private static string? Error(string query) => Call("graphql.parse", S(query), S(Schema)).Error;

    [Theory]
    [InlineData("{ count }")]
    [InlineData("query Q($id: ID!) { user(id: $id) { name(upper: true) friends { id } } }")]
    [InlineData("{ node { id ... on User { name } } actor { __typename ... on Bot { id } } }")]
    [InlineData("{ users(filter: {role: ADMIN}) { id } }")]
    [InlineData("query Q($f: Filter) { users(filter: $f) { ...F } } fragment F on User { id }")]
    [InlineData("mutation { rename(name: \"x\") { id } }")]
    [InlineData("{ __schema { types { name } } __type(name: \"User\") { kind } }")]
    [InlineData("query Q($s: Boolean = true) { count @include(if: $s) }")]
    [InlineData("{ count count ... on Query { count } actor { ... on User { id } ... on Bot { id } } }")]
    public void ValidQueries(string query) => Assert.Null(Error(query));

    [Theory]
    [InlineData("{ nmae }", "Cannot query field \"nmae\" on type \"Query\". Did you mean \"node\"? in GraphQL string at location 1:3")]
    [InlineData("{ zzzzzz }", "Cannot query field \"zzzzzz\" on type \"Query\" in GraphQL string at location 1:3")]
    [InlineData("{ user(id: 1) { nmae } }", "Cannot query field \"nmae\" on type \"User\". Did you mean \"name\"? in GraphQL string at location 1:17")]
    [InlineData("{ node { name } }", "Cannot query field \"name\" on type \"Node\". Did you mean to use an inline fragment on \"User\"? in GraphQL string at location 1:10")]
    [InlineData("{ user { id } }", "Field \"user\" argument \"id\" of type \"ID!\" is required, but it was not provided in GraphQL string at location 1:3")]
    [InlineData("{ user(id: 1, idd: 2) { id } }", "Unknown argument \"idd\" on field \"Query.user\". Did you mean \"id\"? in GraphQL string at location 1:3")]
    [InlineData("{ user(id: 1) }", "Field \"user\" of type \"User\" must have a selection of subfields. Did you mean \"user { ... }\"? in GraphQL string at location 1:3")]
    [InlineData("{ count { id } }", "Field \"count\" must not have a selection since type \"Int\" has no subfields in GraphQL string at location 1:3")]
    [InlineData("{ count @nope }", "Unknown directive \"@nope\" in GraphQL string at location 1:10")]
    [InlineData("{ count @deprecated }", "Directive \"@deprecated\" may not be used on FIELD in GraphQL string at location 1:10")]
    [InlineData("{ count @skip }", "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided in GraphQL string at location 1:10")]
    [InlineData("{ ...F }", "Unknown fragment \"F\" in GraphQL string at location 1:6")]
    [InlineData("{ count } fragment F on Query { count }", "Fragment \"F\" is never used in GraphQL string at location 1:11")]
    [InlineData("{ count } { count }", "This anonymous operation must be the only defined operation in GraphQL string at location 1:1")]
    [InlineData("query A { count } query A { count }", "There can be only one operation named \"A\" in GraphQL string at location 1:19")]
    [InlineData("query Q($x: Int) { count }", "Variable \"$x\" is never used in operation \"Q\" in GraphQL string at location 1:9")]
    [InlineData("query Q { user(id: $x) { id } }", "Variable \"$x\" is not defined by operation \"Q\" in GraphQL string at location 1:20")]
    [InlineData("query Q($x: String) { user(id: $x) { id } }", "Variable \"$x\" of type \"String\" used in position expecting type \"ID!\" in GraphQL string at location 1:32")]
    [InlineData("query Q($x: User) { count }", "Variable \"$x\" cannot be non-input type \"User\" in GraphQL string at location 1:9")]
    [InlineData("query Q($x: Nope) { count }", "Unknown type \"Nope\" in GraphQL string at location 1:13")]
    [InlineData("{ users(filter: {role: BOSS}) { id } }", "Value \"BOSS\" does not exist in \"Role\" enum in GraphQL string at location 1:24")]
    [InlineData("{ users(filter: {limit: 1}) { id } }", "Field \"Filter.role\" of required type \"Role!\" was not provided in GraphQL string at location 1:17")]
    [InlineData("{ users(filter: {role: ADMIN, x: 1}) { id } }", "Field \"x\" is not defined by type \"Filter\" in GraphQL string at location 1:34")]
    [InlineData("{ user(id: 1.5) { id } }", "ID cannot represent a non-string and non-integer value: 1.5 in GraphQL string at location 1:12")]
    [InlineData("{ user(id: 1) { name(upper: \"yes\") } }", "Boolean cannot represent a non boolean value: \"yes\" in GraphQL string at location 1:30")]
    [InlineData("{ actor { ... on Query { count } } }", "Fragment cannot be spread here as objects of type \"Actor\" can never be of type \"Query\" in GraphQL string at location 1:15")]
    [InlineData("{ count ... on Role { x } }", "Fragment cannot condition on non composite type \"Role\" in GraphQL string at location 1:13")]
    [InlineData("{ a: count a: node { id } }", "Fields \"a\" conflict because count and node are different fields. Use different aliases on the fields to fetch both if this was intentional in GraphQL string at location 1:12")]
    [InlineData("{ user(id: 1) { id } user(id: 2) { id } }", "Fields \"user\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional in GraphQL string at location 1:22")]
    [InlineData("subscription { count }", "Schema does not support operation type \"subscription\" in GraphQL string at location 1:1")]
    public void InvalidQueries(string query, string message) => Assert.Equal("graphql.parse: " + message, Error(query));

    [Fact]
    public void IsValidAnswersFalseForEachViolation() =>
        Assert.Equal(BooleanValue.False, Ok("graphql.is_valid", S("{ nmae }"), S(Schema)));
}
