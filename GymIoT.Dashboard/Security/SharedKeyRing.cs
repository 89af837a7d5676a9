using Amazon.KeyManagementService;
using GymIoT.Core.Aws;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Security;

public static class SharedKeyRing
{
    /// <summary>
    /// Data Protection with its key ring in DynamoDB, one ring for every dashboard replica, seeded once, every master key
    /// in it wrapped (<see cref="KeyRingOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSharedKeyRing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KeyRingOptions>()
            .BindConfiguration(KeyRingOptions.SectionName)
            .Validate(options => options.Problem() is null, new KeyRingOptions().Problem()!)
            .ValidateOnStart();
        services.AddSingleton<IKeyWrap>(provider => provider.GetRequiredService<IOptions<KeyRingOptions>>().Value is { KmsKeyId: { Length: > 0 } keyId }
            ? new KmsKeyWrap(new AmazonKeyManagementServiceClient(Amazon.RegionEndpoint.GetBySystemName(provider.GetRequiredService<AwsSettings>().Region)), keyId)
            : new LocalKeyWrap(provider.GetRequiredService<IOptions<KeyRingOptions>>().Value.LocalKeyFile!));
        services.AddSingleton<DynamoDbXmlRepository>();
        services.AddSingleton<IXmlRepository>(provider => provider.GetRequiredService<DynamoDbXmlRepository>());
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository, IKeyWrap>((options, repository, wrap) =>
            {
                options.XmlRepository = repository;
                options.XmlEncryptor = new WrappedKeyXmlEncryptor(wrap);
            });
        services.AddDataProtection().SetApplicationName("GymIoT.Dashboard");
        // Ahead of every hosted service, Data Protection's own among them: it reads the ring (and would make a key) at start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, KeyRingSeed>());
        return builder;
    }
}
