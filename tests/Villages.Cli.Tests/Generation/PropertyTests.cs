using CsCheck;
using Villages.Cli.Scenarios;
using Villages.Cli.Tests.Infrastructure;

namespace Villages.Cli.Tests.Generation;

/// <summary>For any seed and any small scale, the plan builds and promises the article's numbers at that scale.</summary>
public sealed class PropertyTests
{
    [Fact]
    public void Any_seed_and_small_scale_hits_the_article_targets()
    {
        var scales = Gen.Int[1, 300].Select(n => n * 0.0000001m + ScenarioOptions.MinScale);
        Gen.Select(Gen.Int, scales).Sample((seed, scale) =>
        {
            var plan = Scenario.Generate(new ScenarioOptions(scale, seed, ReferenceFiles.Folder));
            var article = ArticleNumbers.At(scale);
            var e = plan.ExpectedFigures;
            Assert.Equal(article.XinjiangNet2017Fen, e.XinjiangNet2017Fen);
            Assert.Equal(article.XinjiangNet2018Fen, e.XinjiangNet2018Fen);
            Assert.Equal(article.AgriculturalAlibaba832Fen, e.Poverty832AgriculturalAlibabaGross2015To2017Fen);
            Assert.Equal(article.AksuGrams, e.AksuSpreeWeightGrams);
            Assert.Equal(article.Items832, e.Poverty832ItemsJul2015ToJun2018);
            Assert.Equal(article.Customers832, e.Poverty832CustomersJul2015ToJun2018);
            Assert.All(plan.Sales, s => Assert.True(s.AmountFen >= 1 && s.Quantity >= 1));
        }, iter: 12);
    }

    [Fact]
    public void A_scale_outside_the_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenario.Generate(new ScenarioOptions(0m, 1, ReferenceFiles.Folder)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenario.Generate(new ScenarioOptions(11m, 1, ReferenceFiles.Folder)));
    }
}
