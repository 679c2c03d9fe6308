using System.Diagnostics;
using System.Globalization;

namespace Palisade.SyncBenchmark;

/// <summary>A git repository of generated Calico policies, spread over ten namespaces, committed with the real git.</summary>
internal static class BenchmarkRepository
{
    public static string Namespace(int index) => $"team-{index % 10}";

    public static string Name(int index) => $"app-{index:D5}";

    public static string Create(int policies)
    {
        var root = Directory.CreateTempSubdirectory("palisade-sync-bench-").FullName;
        for (var i = 0; i < policies; i++)
        {
            var folder = Path.Combine(root, "policies", Namespace(i));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"networkpolicy-{Name(i)}.yaml"), Policy(i));
        }

        Git(root, "init", "--quiet", "--initial-branch=main");
        Git(root, "add", "--all");
        Git(root, "commit", "--quiet", "-m", $"{policies} generated policies");
        return root;
    }

    private static string Policy(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: {Name(i)}
          namespace: {Namespace(i)}
          labels:
            appid: appid_acme_ams_{Name(i).Replace('-', '_')}
        spec:
          order: {500 + (i % 400)}
          selector: appname == '{Name(i)}'
          types:
            - Ingress
            - Egress
          ingress:
            - action: Allow
              protocol: TCP
              source:
                selector: appname == 'frontend'
              destination:
                ports:
                  - {8000 + (i % 1000)}
          egress:
            - action: Allow
              protocol: TCP
              destination:
                nets:
                  - 10.{i % 250}.0.0/16
                ports:
                  - 5432
        """);

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Benchmark";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "bench@example.com";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {stderr}");
        }
    }
}
