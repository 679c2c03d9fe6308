namespace Palisade.Sandbox.Tests;

/// <summary>One sandbox shared by the tests of a class; each test works in its own namespace.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private TestSandbox? sandbox;

    internal TestSandbox Sandbox => sandbox ?? throw new InvalidOperationException("the sandbox has not started");

    public async ValueTask InitializeAsync() => sandbox = await TestSandbox.StartAsync(new SandboxOptions { BookmarkInterval = TimeSpan.FromMilliseconds(300) });

    public async ValueTask DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}
