using System.Text;
using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Aws;

/// <summary>An item's size as DynamoDB counts it against its 400 KB: names and values in UTF-8, numbers by their digits, 3 bytes a list or map and 1 an element.</summary>
public static class ItemSize
{
    public static long Of(Dictionary<string, AttributeValue> item) => item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Of(a.Value));

    private static long Of(AttributeValue value) =>
        value.S is { } s ? Encoding.UTF8.GetByteCount(s)
        : value.N is { } n ? Number(n)
        : value.B is { } b ? b.Length
        : value.SS is { } ss ? ss.Sum(x => (long)Encoding.UTF8.GetByteCount(x))
        : value.NS is { } ns ? ns.Sum(Number)
        : value.BS is { } bs ? bs.Sum(x => x.Length)
        : value.L is { } l ? 3 + l.Sum(x => 1 + Of(x))
        : value.M is { } m ? 3 + m.Sum(x => 1 + Encoding.UTF8.GetByteCount(x.Key) + Of(x.Value))
        : 1;

    /// <summary>About one byte per two significant digits, plus one.</summary>
    private static long Number(string number)
    {
        var mantissa = number.Split('e', 'E')[0];
        var digits = mantissa.Where(char.IsAsciiDigit).SkipWhile(c => c == '0').Count();
        return (digits + 1) / 2 + 1;
    }
}
