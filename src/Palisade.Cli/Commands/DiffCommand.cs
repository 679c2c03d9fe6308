using System.CommandLine;
using Palisade.GitOps.Planning;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.Kube.Cluster;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade diff SOURCE …</c>: what <c>palisade sync</c> would change in the cluster, changing nothing. Exits as
/// <c>kubectl diff</c>: 0 when the cluster matches, 1 when there are differences, 2 when the revision is refused or on error.
/// </summary>
internal static class DiffCommand
{
    private const int Refused = 2;

    public static Command Create()
    {
        var arguments = new SyncArguments();
        var command = new Command("diff", "Show what palisade sync would change in the cluster, without changing anything.");
        arguments.AddTo(command);

        command.SetAction(async (result, cancellation) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            try
            {
                var options = arguments.SyncOptions(result, selfHeal: null, TimeSpan.FromMinutes(1));
                var sourceOptions = arguments.SourceOptions(result);
                var source = await Sources.OpenAsync(sourceOptions, Path.Combine(options.StateDirectory, "source"), cancellation).ConfigureAwait(false);
                var cluster = new ClusterClient(SyncArguments.Cluster(result.GetValue(arguments.Kubeconfig)));
                var planned = await new RevisionPlanner(options, source, cluster, ClusterRetry.Default).PlanAsync(cancellation).ConfigureAwait(false);
                if (planned.Refusal is { } refusal)
                {
                    stderr.WriteLine($"refused {refusal.Revision?.Id ?? "the source"}: {refusal.Message}");
                    foreach (var problem in refusal.Problems.Skip(1))
                    {
                        stderr.WriteLine("  " + problem);
                    }

                    return Refused;
                }

                var plan = planned.Plan!;
                foreach (var change in plan.Plan.Changes.Where(c => c.Action != ChangeAction.Unchanged))
                {
                    stdout.WriteLine($"{change.Action.ToString().ToLowerInvariant()} {change.Key}");
                    stdout.Write(change.Diff);
                }

                stdout.WriteLine($"{plan.Revision.Id}: {plan.Plan.Count(ChangeAction.Create)} to create, {plan.Plan.Count(ChangeAction.Configure)} to configure, {plan.Plan.Count(ChangeAction.Prune)} to prune, {plan.Plan.Count(ChangeAction.Unchanged)} unchanged");
                return plan.Plan.IsEmpty ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is ArgumentException or SourceException or ClusterException or IOException or k8s.Exceptions.KubeConfigException)
            {
                stderr.WriteLine("Error: " + ex.Message);
                return Refused;
            }
        });
        return command;
    }
}
