using System.Globalization;
using GymIoT.Benchmarks;

// Measures, in one run on one machine: the emulators' raw ceilings, then GymIoT's pipeline in a burst and at a steady rate.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"GymIoT benchmark: {options}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

await using var backend = await BenchmarkBackend.StartAsync();

await backend.StopAsync("aggregator");
var sqsCeiling = await RawCeilings.SqsReceiveAndDeleteAsync(backend.Aws, options.CeilingOperations, consumers: 8);
var dynamoDbCeiling = await RawCeilings.DynamoDbUpdateItemAsync(backend.Aws, options.CeilingOperations, options.Concurrency);
await backend.StartAsync("aggregator");
var aggregatorPid = backend.ProcessIdOf("aggregator");

var pipeline = new PipelineRun(backend, options.Members, options.TraceEvery);
await pipeline.EnrolAsync();
var steady = await pipeline.SteadyAsync(options.SteadyRate, options.SteadySeconds);
await Task.Delay(TimeSpan.FromSeconds(3));
var writesBefore = backend.Telemetry.Counter("aggregator", "gymiot.dynamodb.writes");
var burst = await pipeline.BurstAsync(options.Readings);
await Task.Delay(TimeSpan.FromSeconds(3));
var writes = backend.Telemetry.Counter("aggregator", "gymiot.dynamodb.writes") - writesBefore;
var peakRss = BenchmarkBackend.PeakRssMegabytes(aggregatorPid);
var exact = await pipeline.AggregatesAreExactAsync();

Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| SQS receive + delete ceiling (8 consumers) | {sqsCeiling:N0} msg/s |");
Console.WriteLine($"| DynamoDB UpdateItem ceiling ({options.Concurrency} callers) | {dynamoDbCeiling:N0} ops/s |");
Console.WriteLine($"| steady {options.SteadyRate}/s for {options.SteadySeconds} s: send-to-stored p50 / p95 / p99 | {steady.P50:N0} / {steady.P95:N0} / {steady.P99:N0} ms ({steady.Measured:N0} sampled) |");
Console.WriteLine($"| burst: readings | {burst.Readings:N0} ({burst.Measured:N0} sampled for latency) |");
Console.WriteLine($"| burst: pipeline throughput | {burst.ReadingsPerSecond:N0} readings/s in {burst.Seconds:N1} s |");
Console.WriteLine($"| burst: pipeline / DynamoDB ceiling | {burst.ReadingsPerSecond / dynamoDbCeiling:N2} |");
Console.WriteLine($"| burst: send-to-stored p50 / p95 / p99 | {burst.P50:N0} / {burst.P95:N0} / {burst.P99:N0} ms |");
Console.WriteLine($"| burst: DynamoDB writes per reading | {(double)writes / burst.Readings:N3} ({writes:N0} writes) |");
Console.WriteLine($"| burst: aggregator peak RSS | {peakRss:N0} MB |");
Console.WriteLine($"| every aggregate exact after both phases | {(exact ? "yes" : "NO")} |");
