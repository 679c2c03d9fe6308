namespace Palisade.Policy.Gatekeeper;

/// <summary>A template, constraint, suite or object Gatekeeper would reject; the message names the file (and line when known).</summary>
public sealed class GatekeeperException(string message) : Exception(message);
