namespace Palisade.Admission.Tests;

/// <summary>Waits, within a bound, for something that happens in the background (a watch event reaching a cache).</summary>
internal static class Eventually
{
    public static async Task<bool> Holds(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
