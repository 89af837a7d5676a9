using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GymIoT.Dashboard.Live;

/// <summary>
/// Whether the browser of this live page (circuit) is connected. A circuit outlives its tab by minutes, in case the tab
/// comes back; meanwhile its page reads nothing, and it catches up when the connection is back.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _up = true;

    public bool IsUp => _up;

    /// <summary>Raised when the browser is connected again after a drop.</summary>
    public event Action? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = false;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var wasDown = !_up;
        _up = true;
        if (wasDown)
        {
            Reconnected?.Invoke();
        }
        return Task.CompletedTask;
    }
}
