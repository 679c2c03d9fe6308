namespace Palisade.Rego.Ast;

/// <summary>OPA's builtin names for Rego's operators and how they print and bind.</summary>
public static class Operators
{
    public const string Unify = "eq";
    public const string Assign = "assign";
    public const string Equal = "equal";
    public const string NotEqual = "neq";
    public const string Less = "lt";
    public const string LessOrEqual = "lte";
    public const string Greater = "gt";
    public const string GreaterOrEqual = "gte";
    public const string Plus = "plus";
    public const string Minus = "minus";
    public const string Multiply = "mul";
    public const string Divide = "div";
    public const string Remainder = "rem";
    public const string And = "and";
    public const string Or = "or";
    public const string Member = "internal.member_2";
    public const string MemberWithKey = "internal.member_3";

    /// <summary>The infix symbol for a binary operator name, or null when it has none.</summary>
    public static string? InfixSymbol(string name) => name switch
    {
        Unify => "=",
        Assign => ":=",
        Equal => "==",
        NotEqual => "!=",
        Less => "<",
        LessOrEqual => "<=",
        Greater => ">",
        GreaterOrEqual => ">=",
        Plus => "+",
        Minus => "-",
        Multiply => "*",
        Divide => "/",
        Remainder => "%",
        And => "&",
        Or => "|",
        Member => "in",
        _ => null,
    };

    /// <summary>Binding strength as OPA's grammar has it (higher binds tighter); 0 for non-operators.</summary>
    public static int Precedence(string name) => name switch
    {
        Unify or Assign => 1,
        Member or MemberWithKey => 2,
        Equal or NotEqual or Less or LessOrEqual or Greater or GreaterOrEqual => 3,
        Or => 4,
        And => 5,
        Plus or Minus => 6,
        Multiply or Divide or Remainder => 7,
        _ => 0,
    };
}
