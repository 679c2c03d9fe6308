namespace Palisade.Sandbox;

/// <summary>The kind of write, as admission webhooks name it: a patch or an apply is an update (or a create when the object is missing).</summary>
public enum WriteOperation
{
    Create,
    Update,
    Delete,
}
