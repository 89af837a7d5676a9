using GymIoT.Core.Live;
using GymIoT.Dashboard.Live;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Live;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class MemberChangesTests
{
    [Fact]
    public void A_page_is_told_only_about_its_member_and_not_after_it_closed()
    {
        var changes = new MemberChanges();
        var ann = new List<LiveChangeKind>();
        var annToo = new List<LiveChangeKind>();
        var bob = new List<LiveChangeKind>();
        using var annPage = changes.Subscribe("ann", ann.Add);
        var annOtherTab = changes.Subscribe("ann", annToo.Add);
        using var bobPage = changes.Subscribe("bob", bob.Add);

        changes.Publish(new LiveNotice(LiveChangeKind.Activity, ["ann", "carl"]));
        annOtherTab.Dispose();
        annOtherTab.Dispose();
        changes.Publish(new LiveNotice(LiveChangeKind.Coaching, ["ann"]));

        Assert.Equal([LiveChangeKind.Activity, LiveChangeKind.Coaching], ann);
        Assert.Equal([LiveChangeKind.Activity], annToo);
        Assert.Empty(bob);
    }
}
