namespace GymIoT.AppHost.Backend;

/// <summary>Creates GymIoT's queues and tables once the backend is healthy; services wait for it to finish.</summary>
public sealed class AwsProvisioningResource(string name) : Resource(name), IResourceWithWaitSupport;
