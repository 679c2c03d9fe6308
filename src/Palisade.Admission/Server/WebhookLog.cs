using Microsoft.Extensions.Logging;

namespace Palisade.Admission.Server;

/// <summary>What the webhook logs, as source-generated messages (no formatting work when a level is off).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "listening on https://{Address}; policies from {Sources}")]
    public static partial void Listening(this ILogger log, string address, string sources);

    [LoggerMessage(Level = LogLevel.Information, Message = "policies reloaded from {Sources}")]
    public static partial void PolicyReloaded(this ILogger log, string sources);

    [LoggerMessage(Level = LogLevel.Error, Message = "policies not reloaded, the previous ones stay in force: {Error}")]
    public static partial void PolicyReloadFailed(this ILogger log, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "serving certificate reloaded: {Subject}, valid until {NotAfter}")]
    public static partial void CertificateReloaded(this ILogger log, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "certificate not reloaded, the previous one stays in use: {Error}")]
    public static partial void CertificateReloadFailed(this ILogger log, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request}: {Rule}: evaluation failed, failure policy {FailurePolicy} applied: {Error}")]
    public static partial void EvaluationFailed(this ILogger log, string request, string rule, FailurePolicy failurePolicy, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request}: dryrun violation: {Violation}")]
    public static partial void DryRunViolation(this ILogger log, string request, string violation);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request}: denied: {Message}")]
    public static partial void Denied(this ILogger log, string request, string message);
}
