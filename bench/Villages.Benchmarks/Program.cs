using BenchmarkDotNet.Running;
using Villages.Benchmarks;

if (args is ["book-memory"])
{
    BookMemory.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
