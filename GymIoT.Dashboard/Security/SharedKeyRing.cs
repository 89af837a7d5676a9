using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GymIoT.Dashboard.Security;

public static class SharedKeyRing
{
    /// <summary>Data Protection with its key ring in DynamoDB, one ring for every dashboard replica, seeded once.</summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DynamoDbXmlRepository>();
        services.AddSingleton<IXmlRepository>(provider => provider.GetRequiredService<DynamoDbXmlRepository>());
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        services.AddDataProtection().SetApplicationName("GymIoT.Dashboard");
        // Ahead of every hosted service, Data Protection's own among them: it reads the ring (and would make a key) at start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, KeyRingSeed>());
        return services;
    }
}
