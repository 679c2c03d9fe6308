using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Storage;

/// <summary>A change to one stored object: ADDED, MODIFIED or DELETED, at the revision it was made.</summary>
/// <param name="Object">The object after the change; for DELETED its last state, stamped with the deletion's revision.</param>
/// <param name="Previous">For MODIFIED, the object before the change, so a filtered watch can tell an object entering or leaving its selection.</param>
internal sealed record StoredEvent(string Type, SandboxResource Resource, JsonObject Object, long Revision, JsonObject? Previous = null)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
