using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GymIoT.Core.Messaging;

public static class ConsumerServiceExtensions
{
    /// <summary>Registers the <see cref="QueueConsumer"/> of a service, with its settings taken from the service's options.</summary>
    public static IServiceCollection AddQueueConsumer<TOptions>(this IServiceCollection services, Func<TOptions, ConsumerSettings> settings)
        where TOptions : class
    {
        services.AddSingleton(provider => settings(provider.GetRequiredService<IOptions<TOptions>>().Value));
        services.AddSingleton<HeldMessages>();
        services.AddSingleton<QueueConsumer>();
        return services;
    }
}
