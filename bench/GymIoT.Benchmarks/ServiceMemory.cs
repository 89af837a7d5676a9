using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

/// <summary>
/// Where a service's resident memory is, in MB: anonymous pages (the GC's heap, native allocations, stacks, the JIT's
/// data), mapped files (assemblies, native libraries) and shared memory (the JIT's code, which .NET maps twice for W^X);
/// and of the anonymous pages what the GC has committed and what its heap held after the last collection (the runtime's
/// <c>System.Runtime</c> metrics, exported every second). Anonymous minus the GC's committed memory is what grows when
/// native memory does. Beside it the process's threads (each stack is part of it), the methods the JIT has compiled so far
/// (a method tiered up late grows the JIT's code, and its compiling takes native memory) and the CPU time that took (on
/// two shared cores, a service's warm-up is the JIT's seconds taken from everything else).
/// </summary>
public sealed record ServiceMemory(double Anonymous, double Files, double JitCode, double GcCommitted, double GcHeap, int Threads, long JittedMethods, double JitSeconds)
{
    private const double Megabyte = 1 << 20;

    public double Native => Anonymous - GcCommitted;

    public static ServiceMemory Of(BenchmarkBackend backend, string service)
    {
        var status = BenchmarkBackend.StatusFields(backend.App.ProcessIdOf(service));
        return new(
            status["RssAnon"] / 1024,
            status["RssFile"] / 1024,
            status["RssShmem"] / 1024,
            backend.Telemetry.Counter(service, "dotnet.gc.last_collection.memory.committed_size") / Megabyte,
            backend.Telemetry.Counter(service, "dotnet.gc.last_collection.heap.size") / Megabyte,
            (int)status["Threads"],
            backend.Telemetry.Counter(service, "dotnet.jit.compiled_methods"),
            backend.Telemetry.DoubleCounter(service, "dotnet.jit.compilation.time"));
    }

    public override string ToString() =>
        $"anon {Anonymous:N0} (GC committed {GcCommitted:N0}, heap {GcHeap:N0}; native {Native:N0}, {Threads} threads), files {Files:N0}, JIT code {JitCode:N0} ({JittedMethods:N0} methods compiled in {JitSeconds:N1} s)";
}
