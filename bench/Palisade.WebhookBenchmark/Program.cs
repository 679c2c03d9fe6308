using System.Net;
using Microsoft.Extensions.Logging;
using Palisade.Admission;
using Palisade.Admission.Server;
using Palisade.WebhookBenchmark;

// Load benchmark of palisade webhook: the real server in-process over HTTPS on loopback, N clients posting a mix of
// AdmissionReviews as fast as it answers, every answer checked against the verdict expected for its body.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

var root = RepositoryPaths.Root();
var work = Directory.CreateTempSubdirectory("palisade-webhook-bench-").FullName;
try
{
    var pinned = ServingCertificate.Write(work, out var certFile, out var keyFile);
    var samples = PolicyRepoSamples.Read(RepositoryPaths.ExamplePolicies(root));
    var library = RepositoryPaths.GatekeeperLibrary(root);
    string? templatesDir = null;
    if (Directory.Exists(library))
    {
        templatesDir = Path.Combine(work, "templates");
        samples.AddRange(LibrarySamples.CopyInto(library, templatesDir));
    }
    else
    {
        Console.WriteLine($"note: {library} is absent (the shared gatekeeper-library checkout beside the repository), so the run uses the Rego rules of examples/policy-repo/policy only");
    }

    var sources = new PolicySources { PolicyDir = RepositoryPaths.ExamplePolicy(root), TemplatesDir = templatesDir };
    var bodies = samples.Select(s => new ReviewBody(s)).ToList();
    var disagreements = ReferenceVerdicts.Apply(bodies, sources);
    if (disagreements.Count > 0)
    {
        Console.Error.WriteLine("the reference evaluation contradicts the samples' labels; not benchmarking:");
        disagreements.ForEach(d => Console.Error.WriteLine("  " + d));
        return 1;
    }

    // Logging off: the figures are for deciding requests, not for writing a log line per denial to a console.
    await using var server = await WebhookServer.StartAsync(
        new WebhookOptions { Sources = sources, TlsCertFile = certFile, TlsKeyFile = keyFile, Address = new IPEndPoint(IPAddress.Loopback, 0) },
        logging => logging.SetMinimumLevel(LogLevel.None));

    Report.Machine(Console.Out);
    Report.Mix(Console.Out, bodies, templatesDir is null ? 0 : LibrarySamples.Templates.Length);
    var mismatches = 0;

    // The second run, one client, is the latency of a request that waits for nobody.
    foreach (var clients in new[] { options.Clients, 1 })
    {
        var result = await LoadRun.Run(server.Port, pinned, bodies, clients, TimeSpan.FromSeconds(options.Seconds));
        Report.Run(Console.Out, result);
        mismatches += result.Mismatches;
    }

    return mismatches > 0 ? 1 : 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}
