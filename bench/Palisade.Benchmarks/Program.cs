using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Palisade.Benchmarks.RegoBenchmarks).Assembly).Run(args);
