using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using GymIoT.Coach;
using GymIoT.Core.Aws;
using GymIoT.Core.Calories;
using GymIoT.Core.Mail;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Coaching;

/// <summary>The coach's handling of stored readings, in process, against the embedded DynamoDB.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class ReadingCoachTests(PlatformFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(Morning.AddHours(4));
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly ServiceTelemetry _telemetry = new($"GymIoT.Coach.Tests.{Guid.NewGuid():N}");

    [Fact]
    public async Task Readings_delivered_up_to_three_times_in_any_order_raise_each_alert_once()
    {
        var member = await NewMemberAsync("coach");
        var raised = 0;
        using var listener = CountAlerts(() => Interlocked.Increment(ref raised));
        var coach = Coach();
        // The starter card (Cyclette 15, Elliptical bike 15, cap 60): 20 minutes on the Cyclette is over time, the
        // Spin bike is not on the card, and 65 minutes in all pass the cap.
        var sessions = new[]
        {
            Reading(member, MachineCatalogue.Cyclette.Name, 0, 20),
            Reading(member, MachineCatalogue.EllipticalBike.Name, 25, 15),
            Reading(member, MachineCatalogue.SpinBike.Name, 45, 30) with { HeartRatePerMinute = [.. Enumerable.Range(0, 30).Select(m => 110 + m)] },
        };
        var deliveries = sessions.SelectMany((r, i) => Enumerable.Repeat(r, 1 + i)).Reverse().ToList();

        foreach (var reading in deliveries)
        {
            Assert.True(await coach.HandleAsync(Message(reading), reading, CancellationToken.None));
        }

        var alerts = await new AlertStore(_dynamoDb).HistoryAsync(member);
        Assert.Equal(alerts.Count, raised);
        Assert.Single(alerts, a => a.Kind == AlertKind.OverDailyCap);
        Assert.Single(alerts, a => a.Kind == AlertKind.OverTime && a.Message.StartsWith("20 minutes on the Cyclette", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.AlertId.EndsWith($"#OutOfSequence#{sessions[2].ReadingId}", StringComparison.Ordinal));
        Assert.Equal(alerts.Count, alerts.Select(a => a.AlertId).Distinct().Count());
        // The day's sessions, each once, and the heart rate of the one that carried it: what the member home draws.
        var day = await new CoachSessionStore(_dynamoDb).OnAsync(member, DateOnly.FromDateTime(Morning.UtcDateTime));
        Assert.Equal(sessions.Select(s => (s.ReadingId, s.Machine, s.StartedAt, s.DurationSeconds / 60.0)).Order(), day.Select(s => (s.ReadingId, s.Machine, s.StartedAt, s.Minutes)).Order());
        Assert.Equal(sessions[2].HeartRatePerMinute, day.Single(s => s.ReadingId == sessions[2].ReadingId).HeartRatePerMinute);
        Assert.All(day.Where(s => s.ReadingId != sessions[2].ReadingId), s => Assert.Null(s.HeartRatePerMinute));
    }

    [Fact]
    public async Task A_member_who_opted_in_gets_each_alert_by_email_once_however_often_its_reading_comes()
    {
        var member = await OptedInMemberAsync();
        var coach = Coach();
        var sessions = new[] { Reading(member.Id, MachineCatalogue.Cyclette.Name, 0, 20), Reading(member.Id, MachineCatalogue.SpinBike.Name, 25, 45) };

        foreach (var reading in sessions.SelectMany(r => new[] { r, r, r }))
        {
            Assert.True(await coach.HandleAsync(Message(reading), reading, CancellationToken.None));
        }

        var alerts = await new AlertStore(_dynamoDb).HistoryAsync(member.Id);
        Assert.Equal(3, alerts.Count);
        using var inbox = new MailInbox(fixture.Endpoint("maildev"));
        var mails = await Eventually.ValueAsync(() => inbox.ToAsync(member.Address), m => m.Count >= alerts.Count, TimeSpan.FromSeconds(10));
        Assert.Equal(alerts.Select(a => $"[GymIoT] {AlertText.Of(a.Kind)}: {a.Message}").Order(), mails.Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task An_alert_email_the_mail_server_refused_goes_out_when_its_reading_comes_again_and_a_member_who_did_not_opt_in_gets_none()
    {
        var member = await OptedInMemberAsync();
        var bystander = $"nomail-{Guid.NewGuid():N}"[..16];
        await new MemberStore(_dynamoDb).EnrollAsync(new Member(bystander, "B", "Y", Sex.Male, new DateOnly(1990, 1, 1), 80, 180));
        var overTime = Reading(member.Id, MachineCatalogue.Cyclette.Name, 0, 20);
        var unwanted = Reading(bystander, MachineCatalogue.Cyclette.Name, 0, 20);

        // Nothing listens on the discard port: every send fails, and the readings are coached all the same.
        Assert.True(await Coach(mailPort: 9).HandleAsync(Message(overTime), overTime, CancellationToken.None));
        Assert.Single(await new AlertStore(_dynamoDb).HistoryAsync(member.Id));
        Assert.True(await Coach().HandleAsync(Message(overTime), overTime, CancellationToken.None));
        Assert.True(await Coach().HandleAsync(Message(unwanted), unwanted, CancellationToken.None));

        using var inbox = new MailInbox(fixture.Endpoint("maildev"));
        var mail = Assert.Single(await Eventually.ValueAsync(() => inbox.ToAsync(member.Address), m => m.Count > 0, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("[GymIoT] Over time: 20 minutes on the Cyclette", mail.Subject, StringComparison.Ordinal);
        Assert.Single(await new AlertStore(_dynamoDb).HistoryAsync(bystander));
        var marks = await new AlertStore(_dynamoDb).RaisedOnAsync(bystander, DateOnly.FromDateTime(Morning.UtcDateTime));
        Assert.True(Assert.Single(marks).Value, "The bystander's alert is marked as seen to (not wanted), so it is never emailed later.");
    }

    [Fact]
    public async Task A_session_costs_the_store_the_same_however_full_its_day_a_new_alert_one_write_and_an_alert_seen_to_before_nothing()
    {
        var member = $"cost-{Guid.NewGuid():N}"[..16];
        await new MemberStore(_dynamoDb).EnrollAsync(new Member(member, "C", "O", Sex.Female, new DateOnly(1990, 1, 1), 60, 165));
        var coach = Coach();
        var overTime = Reading(member, MachineCatalogue.Cyclette.Name, 0, 20);
        Assert.True(await coach.HandleAsync(Message(overTime), overTime, CancellationToken.None));
        var requests = new List<string>();
        ((Amazon.Runtime.AmazonServiceClient)_dynamoDb).BeforeRequestEvent += (_, e) =>
        {
            if (e is Amazon.Runtime.WebServiceRequestEventArgs { Request: { } request })
            {
                requests.Add(AwsRequestMetrics.OperationOf(request));
            }
        };

        // Not on the card, and 65 minutes in all: out of sequence and over the daily cap, two new alerts. Its heart rate
        // goes into the same write as the session.
        var spin = Reading(member, MachineCatalogue.SpinBike.Name, 25, 45) with { HeartRatePerMinute = [.. Enumerable.Range(0, 45).Select(m => 100 + m)] };
        Assert.True(await coach.HandleAsync(Message(spin), spin, CancellationToken.None));

        // The session recorded in the write that returns the day, and each new alert put with its email's outcome: none is
        // wanted, as the mail settings said for the first session's alert less than a minute ago, so they are not read
        // again; nothing is read before a new cause is raised.
        Assert.Equal(["UpdateItem", "PutItem", "PutItem"], requests);
        var marks = await new AlertStore(_dynamoDb).RaisedOnAsync(member, DateOnly.FromDateTime(Morning.UtcDateTime));
        Assert.Equal(3, marks.Count);
        Assert.All(marks, mark => Assert.True(mark.Value, $"{mark.Key} is marked as seen to (not wanted)."));

        // Later sessions off the card: the daily cap's alert, which this coach settled, costs nothing more; the new cause its write.
        requests.Clear();
        var treadmill = Reading(member, MachineCatalogue.TapisRoulant.Name, 75, 10);
        Assert.True(await coach.HandleAsync(Message(treadmill), treadmill, CancellationToken.None));
        Assert.Equal(["UpdateItem", "PutItem"], requests);

        // A coach that has not seen the cap's alert (another replica, or this one restarted) finds it raised and seen to.
        requests.Clear();
        var again = Reading(member, MachineCatalogue.TapisRoulant.Name, 90, 5);
        var raised = 0;
        using var listener = CountAlerts(() => Interlocked.Increment(ref raised));
        Assert.True(await Coach().HandleAsync(Message(again), again, CancellationToken.None));
        // Besides the day's write and its card's reads: the new cause put, the cap's put refused, its mark read, and no mark written.
        Assert.Equal(["PutItem", "PutItem", "BatchGetItem"], requests.Where(r => r is "PutItem" or "BatchGetItem"));
        Assert.Single(requests, r => r == "UpdateItem");
        Assert.Equal(1, raised);
        Assert.Equal(5, (await new AlertStore(_dynamoDb).RaisedOnAsync(member, DateOnly.FromDateTime(Morning.UtcDateTime))).Count);
    }

    [Fact]
    public async Task Members_on_one_card_cost_a_read_of_their_assignment_each_and_of_the_card_once()
    {
        List<string> members = [await NewMemberAsync("card"), await NewMemberAsync("card"), await NewMemberAsync("card")];
        var coach = Coach();
        var reads = new List<string>();
        ((Amazon.Runtime.AmazonServiceClient)_dynamoDb).BeforeRequestEvent += (_, e) =>
        {
            if (e is Amazon.Runtime.WebServiceRequestEventArgs { Request: { } request }
                && AwsRequestMetrics.ResourceOf(request) is TableNames.CardAssignments or TableNames.TrainingCards)
            {
                lock (reads)
                {
                    reads.Add($"{AwsRequestMetrics.OperationOf(request)} {AwsRequestMetrics.ResourceOf(request)}");
                }
            }
        };

        foreach (var member in members)
        {
            var reading = Reading(member, MachineCatalogue.Cyclette.Name, 0, 10);
            Assert.True(await coach.HandleAsync(Message(reading), reading, CancellationToken.None));
        }
        // Every one of them is on the starter card: it is read for the first, and remembered for the others.
        Assert.Equal(["Query CardAssignments", "GetItem TrainingCards", "Query CardAssignments", "Query CardAssignments"], reads);

        // A member's next session within the minute reads neither.
        reads.Clear();
        var next = Reading(members[0], MachineCatalogue.EllipticalBike.Name, 15, 10);
        Assert.True(await coach.HandleAsync(Message(next), next, CancellationToken.None));
        Assert.Empty(reads);
    }

    [Fact]
    public async Task A_member_who_switches_alert_emails_off_gets_none_from_the_next_alert_and_one_who_switches_them_on_gets_them_within_a_minute()
    {
        var member = await OptedInMemberAsync();
        var members = new MemberStore(_dynamoDb);
        var coach = Coach();
        async Task CoachAsync(Reading reading) => Assert.True(await coach.HandleAsync(Message(reading), reading, CancellationToken.None));

        var overTime = Reading(member.Id, MachineCatalogue.Cyclette.Name, 0, 20);
        await CoachAsync(overTime);
        Assert.True(await members.SetAlertEmailsAsync(member.Id, on: false));
        await CoachAsync(Reading(member.Id, MachineCatalogue.SpinBike.Name, 25, 5));
        Assert.True(await members.SetAlertEmailsAsync(member.Id, on: true));
        await CoachAsync(Reading(member.Id, MachineCatalogue.SpinBike.Name, 35, 5));
        _clock.Advance(AlertMailer.NoEmailRememberedFor);
        var later = Reading(member.Id, MachineCatalogue.SpinBike.Name, 45, 5);
        await CoachAsync(later);

        // Four alerts: over time, then out of sequence three times; the second and third were not wanted by email.
        Assert.Equal(4, (await new AlertStore(_dynamoDb).HistoryAsync(member.Id)).Count);
        using var inbox = new MailInbox(fixture.Endpoint("maildev"));
        var mails = await Eventually.ValueAsync(() => inbox.ToAsync(member.Address), m => m.Count >= 2, TimeSpan.FromSeconds(10));
        Assert.Equal(
            ["[GymIoT] Over time: 20 minutes on the Cyclette", "[GymIoT] Out of sequence: The Spin bike is not your card's next step: next is the Elliptical bike (15 min)."],
            mails.Select(m => m.Subject.Split(" today,")[0]).OrderDescending(StringComparer.Ordinal));
    }

    /// <summary>A member with a confirmed address and alert emails on.</summary>
    private async Task<(string Id, string Address)> OptedInMemberAsync()
    {
        var id = $"mail-{Guid.NewGuid():N}"[..16];
        var address = $"{id}@example.com";
        var members = new MemberStore(_dynamoDb);
        await members.EnrollAsync(new Member(id, "M", "A", Sex.Female, new DateOnly(1990, 1, 1), 60, 165));
        Assert.True(await members.RequestEmailAsync(id, address, _clock.GetUtcNow()));
        Assert.True(await members.ConfirmEmailAsync(id, address));
        Assert.True(await members.SetAlertEmailsAsync(id, on: true));
        return (id, address);
    }

    [Fact]
    public async Task A_session_of_a_past_day_is_let_go_without_an_alert_and_holds_the_month_end_review_back()
    {
        var member = $"past-{Guid.NewGuid():N}"[..16];
        var pastDays = new PastDayReadings(_clock);
        var coach = Coach(pastDays);
        var yesterday = Reading(member, MachineCatalogue.SpinBike.Name, -24 * 60, 90);
        var today = Reading(member, MachineCatalogue.Cyclette.Name, 0, 5);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await coach.HandleAsync(Message(today), today, CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(5), pastDays.QuietFor());
        Assert.True(await coach.HandleAsync(Message(yesterday), yesterday, CancellationToken.None));

        Assert.Empty(await new AlertStore(_dynamoDb).HistoryAsync(member));
        Assert.Equal(TimeSpan.Zero, pastDays.QuietFor());
    }

    [Fact]
    public async Task A_message_that_is_not_a_stored_reading_is_left_for_the_dead_letter_queue()
    {
        var coach = Coach();
        var message = new ReceivedMessage(QueueNames.Coaching, "http://localhost/queue/Coaching", "m-bad", "receipt-bad", "{\"readingId\":42}", default, Morning);

        Assert.Null(ReadingCoach.Read(message));
        Assert.False(await coach.HandleAsync(message, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_of_someone_who_is_no_member_is_coached_and_writes_nothing()
    {
        // Someone never enrolled, or whose account is deleted (its reading stored before): nothing is kept under their id.
        var stranger = $"gone-{Guid.NewGuid():N}"[..16];
        var reading = Reading(stranger, MachineCatalogue.Cyclette.Name, 0, 90);

        Assert.True(await Coach().HandleAsync(Message(reading), reading, CancellationToken.None));

        Assert.Empty(await new CoachSessionStore(_dynamoDb).OnAsync(stranger, DateOnly.FromDateTime(Morning.UtcDateTime)));
        Assert.Empty(await new AlertStore(_dynamoDb).HistoryAsync(stranger));
    }

    private async Task<string> NewMemberAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..16];
        await new MemberStore(_dynamoDb).EnrollAsync(new Member(id, "Coached", "Member", Sex.Female, new DateOnly(1990, 1, 1), 60, 165));
        return id;
    }

    private ReadingCoach Coach(PastDayReadings? pastDays = null, int? mailPort = null)
    {
        var smtp = fixture.Endpoint("maildev", "smtp");
        var mailer = new SmtpMailer(Options.Create(new SmtpOptions { Host = smtp.Host, Port = mailPort ?? smtp.Port, Security = SmtpSecurity.None }));
        var clock = _clock;
        // One cache for the card and the mail settings, as in the service.
        var cache = new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 100 });
        var alertMailer = new AlertMailer(new MemberStore(_dynamoDb), new AlertStore(_dynamoDb), mailer, cache, clock, _telemetry, new CoachMetrics(_telemetry), NullLogger<AlertMailer>.Instance);
        var cardOfTheDay = new CardOfTheDay(new CardAssignmentStore(_dynamoDb), new TrainingCardStore(_dynamoDb), cache);
        return new ReadingCoach(new MemberStore(_dynamoDb), new CoachSessionStore(_dynamoDb), new AlertStore(_dynamoDb), alertMailer, new SettledAlerts(), cardOfTheDay, new GymCalendar(new GymOptions()),
            _telemetry, new CoachMetrics(_telemetry), pastDays ?? new PastDayReadings(clock), clock, NullLogger<ReadingCoach>.Instance);
    }

    private MeterListener CountAlerts(Action raised)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == _telemetry.Meter && instrument.Name == "gymiot.coach.alerts")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            for (var i = 0; i < value; i++)
            {
                raised();
            }
        });
        listener.Start();
        return listener;
    }

    private static Reading Reading(string member, string machine, int startMinute, int minutes) =>
        new(Guid.NewGuid().ToString("N"), $"{machine.ToLowerInvariant()}-01", machine, member,
            Morning.AddMinutes(startMinute), Morning.AddMinutes(startMinute + minutes), minutes * 60, minutes * 8);

    private static ReceivedMessage Message(Reading reading) =>
        new(QueueNames.Coaching, "http://localhost/queue/Coaching",
            Guid.NewGuid().ToString(), $"receipt-{reading.ReadingId}", JsonSerializer.Serialize(reading, MessageJson.Default.Reading), default(ActivityContext), Morning);

    public void Dispose()
    {
        _dynamoDb.Dispose();
        _telemetry.Dispose();
    }
}
