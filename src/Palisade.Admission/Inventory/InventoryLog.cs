using Microsoft.Extensions.Logging;

namespace Palisade.Admission.Inventory;

/// <summary>What the inventory logs.</summary>
internal static partial class InventoryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "inventory of {Kind}: {Error}; listing again")]
    public static partial void ListOrWatchFailed(this ILogger log, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "inventory of {Kind}: {Problem}")]
    public static partial void KindNotResolved(this ILogger log, string kind, string problem);
}
