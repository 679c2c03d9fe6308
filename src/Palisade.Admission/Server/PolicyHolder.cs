namespace Palisade.Admission.Server;

/// <summary>
/// The policy in force. A reload loads a whole new policy first and then swaps the reference, so a request, which
/// reads <see cref="Current"/> once, sees the old rules or the new ones and never a half-loaded set.
/// </summary>
public sealed class PolicyHolder(AdmissionPolicy initial)
{
    private AdmissionPolicy _current = initial;

    public AdmissionPolicy Current => Volatile.Read(ref _current);

    public void Swap(AdmissionPolicy next) => Volatile.Write(ref _current, next);
}
