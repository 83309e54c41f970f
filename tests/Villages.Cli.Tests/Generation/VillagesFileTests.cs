using System.IO.Compression;
using Villages.Cli.Scenarios;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Generation;

/// <summary>With --villages, sellers sit in real villages where the file lists some for their township.</summary>
public sealed class VillagesFileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sellers_take_real_village_codes_from_the_file(bool gzip)
    {
        var bachuTownships = ReferenceFiles.Townships.Where(t => t.StartsWith("653130", StringComparison.Ordinal)).ToList();
        var real = bachuTownships.Select(t => t + "007").ToHashSet();
        var path = Path.Combine(Path.GetTempPath(), $"villages-{Guid.NewGuid():N}.csv{(gzip ? ".gz" : "")}");
        try
        {
            using (var file = File.Create(path))
            using (var stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file)
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine("code,name,townshipCode,countyCode,prefectureCode,provinceCode");
                foreach (var code in real)
                {
                    writer.WriteLine($"{code},\"村, with a comma\",{code[..9]},653130,6531,65");
                }
            }

            var plan = Scenario.Generate(new ScenarioOptions(0.00003m, 1, ReferenceFiles.Folder, path));
            var synthesised = Scenario.Generate(new ScenarioOptions(0.00003m, 1, ReferenceFiles.Folder));

            var bachu = plan.Sellers.Where(s => s.VillageCode.StartsWith("653130", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(bachu);
            Assert.All(bachu, s => Assert.Contains(s.VillageCode, real));
            // Counties the file does not cover keep synthesised codes: township + 2xx.
            Assert.All(plan.Sellers.Except(bachu), s => Assert.Equal('2', s.VillageCode[9]));
            Assert.Equal(plan.ExpectedFigures, synthesised.ExpectedFigures);
            Assert.Equal(plan.Sales.Select(s => s.AmountFen), synthesised.Sales.Select(s => s.AmountFen));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
