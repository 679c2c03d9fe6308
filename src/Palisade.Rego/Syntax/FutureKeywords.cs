namespace Palisade.Rego.Syntax;

[Flags]
public enum FutureKeywords
{
    None = 0,
    If = 1,
    Contains = 2,
    In = 4,
    Every = 8,
    All = If | Contains | In | Every,
}
