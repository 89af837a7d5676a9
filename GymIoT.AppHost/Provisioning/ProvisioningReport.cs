namespace GymIoT.AppHost.Provisioning;

/// <summary>What one provisioning run did: a second run over the same backend reports nothing created or updated.</summary>
public sealed record ProvisioningReport(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged)
{
    public bool ChangedAnything => Created.Count > 0 || Updated.Count > 0;

    public override string ToString() =>
        $"created [{string.Join(", ", Created)}], updated [{string.Join(", ", Updated)}], unchanged [{string.Join(", ", Unchanged)}]";
}
