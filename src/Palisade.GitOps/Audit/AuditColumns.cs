using System.Text.Json;

namespace Palisade.GitOps.Audit;

/// <summary>How values that SQLite has no type for are kept in its columns.</summary>
internal static class AuditColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>UTC ticks: exact, and ordered as the times are.</summary>
    public static long Time(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static string Violations(IReadOnlyList<Violation> violations) => JsonSerializer.Serialize(violations, Json);

    public static IReadOnlyList<Violation> Violations(string json) => JsonSerializer.Deserialize<Violation[]>(json, Json) ?? [];

    public static string Managers(IReadOnlyList<string> managers) => JsonSerializer.Serialize(managers, Json);

    public static IReadOnlyList<string> Managers(string json) => JsonSerializer.Deserialize<string[]>(json, Json) ?? [];
}
