using System.Globalization;
using BenchmarkDotNet.Running;

namespace Inventory.Core.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["variance-files", var directory, var rows])
        {
            VarianceScaleFiles.Write(directory, int.Parse(rows, CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
