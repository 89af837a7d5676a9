using System.Text.Json;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

/// <summary>
/// Reads the fields of one object in turn with <see cref="JsonFields"/>, keeping the first problem: once a field is wrong
/// the rest are not read, so a format lists its fields top to bottom and asks once what, if anything, was wrong.
/// </summary>
internal sealed class FieldReader(JsonElement root)
{
    private delegate FieldProblem? Read<T>(JsonElement root, string field, out T value);

    public FieldProblem? Problem { get; private set; }

    public string Id(string field) => Next<string>(JsonFields.RequiredId, field, "");

    public string String(string field) => Next<string>(JsonFields.RequiredString, field, "");

    public DateTimeOffset Timestamp(string field) => Next<DateTimeOffset>(JsonFields.RequiredTimestamp, field, default);

    public double Number(string field) => Next<double>(JsonFields.RequiredNumber, field, 0);

    public double NumberInString(string field) => Next<double>(JsonFields.NumberInString, field, 0);

    public int? OptionalWholeNumber(string field) => Next<int?>(JsonFields.OptionalWholeNumber, field, null);

    public int[]? OptionalWholeNumbers(string field, int maxCount) =>
        Next<int[]?>((JsonElement root, string name, out int[]? values) => JsonFields.OptionalWholeNumbers(root, name, maxCount, out values), field, null);

    private T Next<T>(Read<T> read, string field, T none)
    {
        if (Problem is not null)
        {
            return none;
        }
        Problem = read(root, field, out var value);
        return Problem is null ? value : none;
    }
}
