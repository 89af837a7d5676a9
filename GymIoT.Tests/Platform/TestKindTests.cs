using System.Reflection;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class TestKindTests
{
    private static readonly string[] Kinds = [TestKind.Unit, TestKind.Integration, TestKind.EndToEnd, TestKind.Deploy, TestKind.Browser];

    [Fact]
    public void Every_test_class_says_its_kind_once()
    {
        var testClasses = typeof(TestKindTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();

        Assert.NotEmpty(testClasses);
        Assert.All(testClasses, type =>
        {
            var kinds = type.GetCustomAttributesData()
                .Where(attribute => attribute.AttributeType == typeof(TraitAttribute))
                .Select(trait => trait.ConstructorArguments.Select(argument => (string)argument.Value!).ToArray())
                .Where(trait => trait[0] == TestKind.Category)
                .Select(trait => trait[1])
                .ToList();
            Assert.True(kinds.Count == 1 && Kinds.Contains(kinds[0]), $"{type.Name} has the kinds [{string.Join(", ", kinds)}]");
        });
    }
}
