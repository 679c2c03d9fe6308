namespace Palisade.Sandbox.Tests;

/// <summary>Tests that need a fresh sandbox and the real Palisade webhook beside it, started and stopped per test.</summary>
public abstract class WebhookSandboxTests : IAsyncLifetime
{
    private protected TestSandbox Sandbox { get; private set; } = null!;

    private protected PolicyWebhook Webhook { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await TestSandbox.StartAsync();
        Webhook = await PolicyWebhook.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Webhook.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
