namespace Palisade.GitOps.Tests.Support;

/// <summary>Two OpenPGP keys shared by the tests of a class: generating keys is the slowest part of them.</summary>
public sealed class GpgKeys : IDisposable
{
    internal GpgKey Gail { get; } = new("Gail Ops <gail@example.com>");

    internal GpgKey Mallory { get; } = new("Mallory <mallory@example.com>");

    public void Dispose()
    {
        Gail.Dispose();
        Mallory.Dispose();
    }
}
