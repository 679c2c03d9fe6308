using Palisade.Kube.Manifests;

namespace Palisade.Policy.Conftest;

/// <summary>A <c>palisade test</c> run that cannot go on: bad flags, no policies, a rule result conftest rejects.</summary>
public sealed class ConftestException(SourceLocation? location, string message)
    : Exception(location is { } at ? $"{at}: {message}" : message)
{
    public SourceLocation? Location { get; } = location;
}
