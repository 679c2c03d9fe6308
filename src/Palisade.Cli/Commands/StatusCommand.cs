using System.CommandLine;
using Palisade.GitOps;
using Palisade.GitOps.Status;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade status [--state DIR] [--output text|json]</c>: what the sync of a state folder last did.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "State folder of palisade sync.", DefaultValueFactory = _ => StateDirectory.Default };
        var output = new Option<string>("--output", "-o") { Description = "Format: text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("status", "Show the last applied and last attempted revision, the conditions and the drift counts of palisade sync.") { state, output };
        command.SetAction(result =>
        {
            var folder = result.GetRequiredValue(state);
            SyncStatus? status;
            try
            {
                status = StatusFile.Read(folder);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                result.InvocationConfiguration.Error.WriteLine($"Error: {StatusFile.PathIn(folder)}: {ex.Message}");
                return ExitCodes.Failure;
            }

            if (status is null)
            {
                result.InvocationConfiguration.Error.WriteLine($"Error: {StatusFile.PathIn(folder)} does not exist: no palisade sync has run with --state {folder}");
                return ExitCodes.Failure;
            }

            var stdout = result.InvocationConfiguration.Output;
            if (result.GetRequiredValue(output) == "json")
            {
                stdout.WriteLine(StatusFile.Serialize(status));
                return ExitCodes.Success;
            }

            stdout.WriteLine($"sync:                    {status.Name}");
            stdout.WriteLine($"source:                  {status.Source}");
            stdout.WriteLine($"last applied revision:   {status.LastAppliedRevision ?? "-"}{At(status.LastAppliedAt)}");
            stdout.WriteLine($"last attempted revision: {status.LastAttemptedRevision ?? "-"}{At(status.LastReconcileAt)}");
            stdout.WriteLine($"managed objects:         {status.ManagedObjects}");
            stdout.WriteLine($"drift:                   {status.DriftDetected} detected, {status.DriftReverted} reverted");
            stdout.WriteLine("conditions:");
            foreach (var condition in status.Conditions)
            {
                var message = condition.Message.Length == 0 ? string.Empty : $": {condition.Message}";
                stdout.WriteLine($"  {condition.Type,-12} {condition.Status,-6} {condition.Reason}{message} (since {condition.LastTransitionTime:yyyy-MM-ddTHH:mm:ssZ})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string At(DateTimeOffset? time) => time is { } t ? $" (at {t.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})" : string.Empty;
}
