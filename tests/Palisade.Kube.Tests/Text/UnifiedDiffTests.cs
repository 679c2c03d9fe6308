using Palisade.Kube.Text;

namespace Palisade.Kube.Tests.Text;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void ShowsChangedLinesWithContext()
    {
        var old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        var updated = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";

        var diff = UnifiedDiff.Format("a/x", "b/x", old, updated, context: 1);

        Assert.Equal("--- a/x\n+++ b/x\n@@ -3,3 +3,3 @@\n c\n-d\n+D\n e\n@@ -8,1 +8,2 @@\n h\n+i\n", diff);
    }

    [Fact]
    public void ShowsNewAndDeletedFiles()
    {
        Assert.Equal("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Format("/dev/null", "b/x", "", "a\nb\n"));
        Assert.Equal("--- a/x\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n", UnifiedDiff.Format("a/x", "/dev/null", "a\n", ""));
    }

    [Fact]
    public void IdenticalTextsHaveNoHunks()
    {
        Assert.Equal("--- a\n+++ b\n", UnifiedDiff.Format("a", "b", "same\n", "same\n"));
    }
}
