using System.Collections.Concurrent;
using GymIoT.Core.Live;

namespace GymIoT.Dashboard.Live;

/// <summary>
/// Hands each <see cref="LiveNotice"/> to the open pages of the members it names, in this dashboard: a page subscribes
/// for its member and is called only when that member changed.
/// </summary>
public sealed class MemberChanges
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _pages = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="changed"/> whenever the member changes, until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(string memberId, Action<LiveChangeKind> changed)
    {
        _pages.AddOrUpdate(memberId, _ => new([changed]), (_, handlers) => new([.. handlers.All, changed]));
        return new Subscription(this, memberId, changed);
    }

    public void Publish(LiveNotice notice)
    {
        foreach (var memberId in notice.MemberIds)
        {
            if (_pages.TryGetValue(memberId, out var handlers))
            {
                foreach (var changed in handlers.All)
                {
                    changed(notice.Kind);
                }
            }
        }
    }

    private void Unsubscribe(string memberId, Action<LiveChangeKind> changed)
    {
        while (_pages.TryGetValue(memberId, out var handlers))
        {
            var rest = handlers.All.Where(h => h != changed).ToList();
            if (rest.Count == 0 ? _pages.TryRemove(KeyValuePair.Create(memberId, handlers)) : _pages.TryUpdate(memberId, new(rest), handlers))
            {
                return;
            }
        }
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Action<LiveChangeKind>> All);

    private sealed class Subscription(MemberChanges owner, string memberId, Action<LiveChangeKind> changed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(memberId, changed);
            }
        }
    }
}
