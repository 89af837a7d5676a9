using GymIoT.Core.Coaching;
using GymIoT.Core.Hosting;
using GymIoT.DeviceSimulator.Gym;
using Microsoft.Extensions.Options;

namespace GymIoT.DeviceSimulator.Extensions;

public static class Extensions
{
    public const string ServiceName = "GymIoT.DeviceSimulator";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGymIoTCore(ServiceName);

        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(services => new SimulatedGym(services.GetRequiredService<IOptions<SimulatorOptions>>().Value));
        builder.Services.AddSingleton<SensorTraffic>();
        builder.Services.AddSingleton<DemoHistory>();
        builder.Services.AddSingleton<CardHabits>();
        builder.Services.AddSingleton<HistorySeeder>();
        builder.Services.AddTrainingCards();
        builder.Services.AddHostedService<SimulatorService>();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }
}
