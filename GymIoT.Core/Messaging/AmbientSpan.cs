using System.Diagnostics;

namespace GymIoT.Core.Messaging;

/// <summary>
/// The ambient activity (<see cref="Activity.Current"/>) for a scope, put back as it was when the scope ends. A batch of
/// messages travels in as many traces as it has messages: what is done for the batch as a whole runs with none
/// (<c>Set(null)</c>), and what is done for one message with its span (<c>Set(span)</c>). The one place that sets it.
/// </summary>
public readonly struct AmbientSpan : IDisposable
{
    private readonly Activity? _previous;

    private AmbientSpan(Activity? previous) => _previous = previous;

    public static AmbientSpan Set(Activity? span)
    {
        var scope = new AmbientSpan(Activity.Current);
        Activity.Current = span;
        return scope;
    }

    public void Dispose() => Activity.Current = _previous;
}
