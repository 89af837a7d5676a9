using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The console's log lines as the simple formatter writes them (level, category and event id, then the message on a line
/// of its own), with the message escaped (<see cref="LogText"/>): what a service received never forges a line of its own.
/// </summary>
public sealed class EscapingConsoleFormatter(IOptionsMonitor<SimpleConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "gymiot";

    private const string Indent = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
        {
            return;
        }
        var colors = options.CurrentValue.ColorBehavior switch
        {
            LoggerColorBehavior.Enabled => true,
            LoggerColorBehavior.Disabled => false,
            // As the simple formatter decides: a terminal, or output redirected by one that shows colours (the orchestrator).
            _ => !Console.IsOutputRedirected || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION") is "true" or "1",
        };
        var (level, color) = logEntry.LogLevel switch
        {
            LogLevel.Trace => ("trce", "\u001b[37m"),
            LogLevel.Debug => ("dbug", "\u001b[37m"),
            LogLevel.Information => ("info", "\u001b[32m"),
            LogLevel.Warning => ("warn", "\u001b[33m"),
            LogLevel.Error => ("fail", "\u001b[31m"),
            _ => ("crit", "\u001b[35m"),
        };
        if (options.CurrentValue.TimestampFormat is { } format)
        {
            textWriter.Write(DateTimeOffset.UtcNow.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }
        textWriter.Write(colors ? $"{color}{level}\u001b[39m" : level);
        textWriter.Write($": {logEntry.Category}[{logEntry.EventId.Id}]{Environment.NewLine}");
        if (message is not null)
        {
            textWriter.Write($"{Indent}{LogText.Escape(message)}{Environment.NewLine}");
        }
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write($"{exception}{Environment.NewLine}");
        }
    }
}
