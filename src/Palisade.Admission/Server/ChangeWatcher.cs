using Palisade.Policy.Loading;

namespace Palisade.Admission.Server;

/// <summary>
/// Calls back when files under some folders, or some single files, change. FileSystemWatcher events make it look at
/// once; a periodic look at names, sizes and timestamps catches what events miss (network volumes, Kubernetes
/// volumes that swap a symlinked folder). The callback runs on one background task, never twice at a time.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    /// <summary>Editors and kubelet write in steps; wait for them to settle before looking.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<string> _folders;
    private readonly IReadOnlyList<string> _files;
    private readonly Action _onChange;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _fingerprint;

    public ChangeWatcher(IEnumerable<string> folders, IEnumerable<string> files, TimeSpan interval, Action onChange)
    {
        _folders = folders.Select(Path.GetFullPath).ToList();
        _files = files.Select(Path.GetFullPath).ToList();
        _onChange = onChange;
        _fingerprint = Fingerprint();
        foreach (var folder in _folders.Concat(_files.Select(f => Path.GetDirectoryName(f)!)).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = _folders.Contains(folder, StringComparer.Ordinal) };
            watcher.Changed += Wake;
            watcher.Created += Wake;
            watcher.Deleted += Wake;
            watcher.Renamed += Wake;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }

        _loop = Task.Run(() => Loop(interval));
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        try
        {
            _loop.Wait();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
        }

        _stop.Dispose();
        _signal.Dispose();
    }

    private void Wake(object sender, FileSystemEventArgs e)
    {
        if (!_stop.IsCancellationRequested)
        {
            _signal.Release();
        }
    }

    private async Task Loop(TimeSpan interval)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(interval, _stop.Token).ConfigureAwait(false);
                await Task.Delay(Settle, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Events come in bursts; one look covers them all.
            while (_signal.CurrentCount > 0)
            {
                _signal.Wait(0);
            }

            var fingerprint = Fingerprint();
            if (fingerprint != _fingerprint)
            {
                _fingerprint = fingerprint;
                _onChange();
            }
        }
    }

    /// <summary>Every watched file's resolved path, size and write time, in one string.</summary>
    private string Fingerprint()
    {
        var files = _folders.SelectMany(Enumerate).Concat(_files).Order(StringComparer.Ordinal);
        return string.Join('\n', files.Select(Describe));
    }

    private static IEnumerable<string> Enumerate(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? FolderFiles.Under(folder) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Describe(string path)
    {
        try
        {
            var file = new FileInfo(path);
            var target = file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
            return target.Exists ? $"{path} {target.FullName} {target.Length} {target.LastWriteTimeUtc.Ticks}" : $"{path} missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{path} unreadable";
        }
    }
}
