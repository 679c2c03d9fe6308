using System.Globalization;

namespace Palisade.WebhookBenchmark;

/// <summary>The command line: <c>[--clients N] [--seconds S]</c>.</summary>
internal sealed record BenchOptions(int Clients, int Seconds)
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>Two clients a core keep every core busy while one client waits on its answer.</summary>
    public static int DefaultClients => 2 * Environment.ProcessorCount;

    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var clients = DefaultClients;
        var seconds = 10;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--clients" when TryPositive(value, out clients):
                case "--seconds" when TryPositive(value, out seconds):
                    i++;
                    break;
                default:
                    error.WriteLine($"usage: [--clients N] [--seconds S]; cannot read '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}");
                    return null;
            }
        }

        return new BenchOptions(clients, seconds);
    }

    private static bool TryPositive(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
