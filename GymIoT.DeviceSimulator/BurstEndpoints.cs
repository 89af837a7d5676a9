using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using Microsoft.Extensions.Options;

namespace GymIoT.DeviceSimulator;

/// <summary>Operator and test endpoints: a burst of readings as fast as possible, and the demo history on demand.</summary>
public static class BurstEndpoints
{
    /// <summary>One history send at a time: each is a couple of thousand readings.</summary>
    private static readonly SemaphoreSlim HistorySend = new(1, 1);

    public static void MapSimulatorEndpoints(this WebApplication app)
    {
        var operatorTools = app.MapGroup("").AddEndpointFilter<LoopbackOnly>();
        operatorTools.MapPost("/bursts", SendBurstAsync);
        operatorTools.MapPost("/history", SendHistoryAsync);
    }

    private static async Task<IResult> SendHistoryAsync(HistorySeeder history, IOptions<SimulatorOptions> options, int? days, CancellationToken cancellationToken)
    {
        var wanted = days ?? options.Value.HistoryDays;
        if (wanted is < 1 or > SimulatorOptions.MaxHistoryDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"The history goes back 1 to {SimulatorOptions.MaxHistoryDays} days."] });
        }
        if (!await HistorySend.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return TypedResults.Problem("A history is being sent already: ask again when it is done.", statusCode: StatusCodes.Status409Conflict);
        }
        try
        {
            return TypedResults.Ok(new { sent = await history.SeedAsync(wanted, cancellationToken) });
        }
        finally
        {
            HistorySend.Release();
        }
    }

    private static async Task<IResult> SendBurstAsync(BurstRequest request, SensorTraffic traffic, MemberStore members, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }
        IReadOnlyList<Member>? among = null;
        if (request.MemberIds is { Length: > 0 } ids)
        {
            among = [.. ids.Select(id => new Member(id, "Burst", id, Sex.Female, new DateOnly(1990, 1, 1), 65, 170))];
            foreach (var member in among)
            {
                await members.EnrollAsync(member, cancellationToken);
            }
        }
        var readings = Enumerable.Range(0, request.Count)
            .Select(_ => traffic.Next(traffic.Now, request.FaultRate, request.OriginalFormatRate, among));
        List<SimulatedMessage> messages = request.SendTwice ? [.. readings.SelectMany(m => new[] { m, m })] : [.. readings];
        var outcomes = await traffic.SendAsync(messages, cancellationToken);
        var report = new BurstReport(
            outcomes.Count(o => o.Sent),
            outcomes.Count(o => !o.Sent),
            request.IncludeReadings ? [.. messages.Zip(outcomes, SentReading.From)] : null);
        return TypedResults.Ok(report);
    }

    private static Dictionary<string, string[]>? Validate(BurstRequest request)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true)
            ? null
            : results.ToDictionary(r => string.Join(",", r.MemberNames), r => new[] { r.ErrorMessage ?? "invalid" });
    }
}

/// <summary>
/// A burst: <paramref name="Count"/> sessions, a share of them misread or in the original format, among the given members
/// (else the gym's); with <paramref name="SendTwice"/> every message is sent twice, as a sensor that resends when its
/// acknowledgement is lost.
/// </summary>
public sealed record BurstRequest(
    [property: Range(1, 1_000_000)] int Count,
    [property: Range(0, 1)] double FaultRate = 0,
    [property: Range(0, 1)] double OriginalFormatRate = 0,
    string[]? MemberIds = null,
    bool IncludeReadings = false,
    bool SendTwice = false);

public sealed record BurstReport(int Sent, int Refused, IReadOnlyList<SentReading>? Readings);

/// <summary>One message of a burst as sent: with its SQS message id and trace, and the reason it must be refused for, if bad.</summary>
public sealed record SentReading(
    string? MessageId,
    string TraceId,
    string Queue,
    Reading Reading,
    bool OriginalFormat,
    RejectionReason? ExpectedRejection)
{
    public static SentReading From(SimulatedMessage message, GymIoT.Core.Messaging.SendOutcome outcome) =>
        new(outcome.MessageId, outcome.TraceId.ToHexString(), message.Queue, message.Reading, message.OriginalFormat, message.ExpectedRejection);
}
