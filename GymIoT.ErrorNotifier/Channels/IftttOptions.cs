namespace GymIoT.ErrorNotifier.Channels;

/// <summary>The IFTTT Maker webhook of the original applet (section <c>Ifttt</c>); off while no key is set.</summary>
public sealed class IftttOptions
{
    public const string SectionName = "Ifttt";

    public Uri BaseUrl { get; set; } = new("https://maker.ifttt.com");

    public string EventName { get; set; } = "gym_device_error";

    public string? Key { get; set; }
}
