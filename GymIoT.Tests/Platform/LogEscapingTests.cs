using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace GymIoT.Tests.Platform;

/// <summary>
/// A received string in a log line: a device id with a line break wrote a forged line of its own, and one with a
/// right-to-left override showed turned around, on the console and in what every service exported.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class LogEscapingTests
{
    private const string DeviceId = "cyc\u202Eexe.gnp\nwarn: Admin logged in\u0007";

    [Theory]
    [InlineData("cyclette-01", "cyclette-01")]
    [InlineData("a\nb\rc\td", @"a\u000Ab\u000Dc\u0009d")]
    [InlineData("x\u202Ey\u2066z\u200Bw\uFEFF", @"x\u202Ey\u2066z\u200Bw\uFEFF")]
    [InlineData("Daria 💪 Costa, città", "Daria 💪 Costa, città")]
    public void Control_bidi_and_invisible_characters_are_written_as_escapes_and_nothing_else_changes(string text, string logged) =>
        Assert.Equal(logged, LogText.Escape(text));

    [Fact]
    public void A_lone_surrogate_is_written_as_an_escape()
    {
        // Built here: xunit's test case names would carry it as U+FFFD.
        var text = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal(@"lone \uD800 surrogate", LogText.Escape(text));
    }

    [Fact]
    public async Task What_a_service_exports_holds_the_received_string_escaped()
    {
        using var telemetry = new OtlpReceiver(keepEverything: true);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddServiceDefaults();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            host.Services.GetRequiredService<ILogger<LogEscapingTests>>().LogWarning("Reading from device {DeviceId} refused", DeviceId);
            await host.StopAsync();
        }

        Assert.True(telemetry.Mentions(@"cyc\u202Eexe.gnp\u000Awarn: Admin logged in\u0007"), "the escaped device id was not exported");
        Assert.False(telemetry.Mentions("\u202E"), "a right-to-left override was exported");
        Assert.False(telemetry.Mentions("gnp\nwarn"), "a line break was exported");
    }

    [Fact]
    public void The_console_line_holds_the_received_string_escaped_on_one_line()
    {
        var formatter = new EscapingConsoleFormatter(new StaticOptions(new SimpleConsoleFormatterOptions { ColorBehavior = LoggerColorBehavior.Disabled }));
        using var written = new StringWriter();
        var state = $"Reading from device {DeviceId} refused";

        formatter.Write(new LogEntry<string>(LogLevel.Warning, "GymIoT.Aggregator", new EventId(7), state, null, (s, _) => s), null, written);

        Assert.Equal(
            $"warn: GymIoT.Aggregator[7]{Environment.NewLine}      Reading from device cyc\\u202Eexe.gnp\\u000Awarn: Admin logged in\\u0007 refused{Environment.NewLine}",
            written.ToString());
    }

    private sealed class StaticOptions(SimpleConsoleFormatterOptions value) : IOptionsMonitor<SimpleConsoleFormatterOptions>
    {
        public SimpleConsoleFormatterOptions CurrentValue => value;

        public SimpleConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SimpleConsoleFormatterOptions, string?> listener) => null;
    }
}
