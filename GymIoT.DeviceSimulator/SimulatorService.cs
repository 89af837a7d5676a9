using GymIoT.DeviceSimulator.Faults;
using Microsoft.Extensions.Options;

namespace GymIoT.DeviceSimulator;

/// <summary>
/// The gym at work: enrols its members, back-fills the demo history once when asked to, then sends readings at a steady
/// rate, some of them misread.
/// </summary>
public sealed partial class SimulatorService(
    SensorTraffic traffic,
    HistorySeeder history,
    IOptions<SimulatorOptions> options,
    TimeProvider timeProvider,
    ILogger<SimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the members' cards are read again: a card changes from one day to the next at the earliest.</summary>
    private static readonly TimeSpan ReadCardsEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await RetryUntilDoneAsync("enrol the gym's members", traffic.EnrollMembersAsync, stoppingToken);
        if (settings.SeedHistory)
        {
            await RetryUntilDoneAsync("back-fill the demo history", token => history.CatchUpAsync(settings.HistoryDays, token), stoppingToken);
        }
        if (settings.ReadingsPerSecond <= 0)
        {
            LogIdle();
            return;
        }

        LogRunning(settings.ReadingsPerSecond, settings.FaultRate);
        using var timer = new PeriodicTimer(Tick, timeProvider);
        var owed = 0.0;
        // Beside the ticks, so reading 200 members' cards never holds readings back.
        _ = ReadCardsAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            owed += settings.ReadingsPerSecond * Tick.TotalSeconds;
            var count = (int)owed;
            owed -= count;
            if (count == 0)
            {
                continue;
            }
            var messages = Enumerable.Range(0, count)
                .Select(_ => traffic.Next(traffic.Now, settings.FaultRate, settings.OriginalFormatRate))
                .ToList();
            try
            {
                await traffic.SendAsync(messages, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A real sensor would lose these readings too; the simulator says so and keeps going.
                LogSendFailed(ex, messages.Count);
            }
        }
    }

    private async Task ReadCardsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReadCardsEvery, timeProvider);
        try
        {
            do
            {
                try
                {
                    await traffic.ReadCardsAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The members keep the cards read last time until the next read.
                    LogReadCardsFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetryUntilDoneAsync(string what, Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStepFailed(ex, what, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), timeProvider, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Rate} readings/s with {FaultRate:P0} misreadings")]
    private partial void LogRunning(double rate, double faultRate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Steady readings are off (Simulator:ReadingsPerSecond = 0); bursts can still be asked for")]
    private partial void LogIdle();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the members' cards; they train on the ones read before")]
    private partial void LogReadCardsFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} readings could not be sent")]
    private partial void LogSendFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} (attempt {Attempt}); trying again")]
    private partial void LogStepFailed(Exception exception, string what, int attempt);
}
