using Villages.Baselines.Input;

namespace Villages.Baselines.Tests;

/// <summary>A hand-made input folder: three sellers in two counties and a few sale lines, written as the load generator writes them.</summary>
internal sealed class TinyInput : IDisposable
{
    public const string Village = "653130100201";
    public const string OtherVillage = "653130100202";
    public const string OtherCounty = "652901001001";

    public TinyInput()
    {
        Directory = Path.Combine(Path.GetTempPath(), "baselines-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, SellerTable.FileName), $"""
            sellerId,villageCode,kind,members
            ali,{Village},household,4
            bai,{Village},household,2
            idle,{Village},cooperative,0
            cui,{OtherVillage},household,3
            dan,{OtherCounty},enterprise,0

            """);
        File.WriteAllText(Path.Combine(Directory, "sales-000001.json"), """
            [
              {"platform":"taobao","saleId":"t-1","sellerId":"ali","time":"2017-11-11T10:00:00+08:00","product":"melon","category":"fruit","quantity":2,"weightKg":3.5,"amount":45.5,"customer":"buyer-1"},
              {"platform":"taobao","saleId":"t-2","sellerId":"bai","time":"2017-12-31T16:30:00Z","product":"melon","category":"fruit","quantity":1,"amount":10.05,"customer":"buyer-1"},
              {"platform":"jd","saleId":"j-1","sellerId":"cui","time":"2017-12-31T23:59:59+08:00","product":"walnut","category":"nuts","quantity":3,"amount":30,"customer":"buyer-2"}
            ]
            """);
        File.WriteAllText(Path.Combine(Directory, "sales-000002.json"), """
            [
              {"platform":"jd","saleId":"j-2","sellerId":"bai","time":"2017-11-11T11:00:00+08:00","product":"walnut","category":"nuts","quantity":4,"amount":35.45,"customer":"buyer-3"},
              {"platform":"jd","saleId":"j-3","sellerId":"dan","time":"2018-03-01T09:00:00+08:00","product":"quilt","category":"textile","quantity":1,"amount":200,"customer":"buyer-4"},
              {"platform":"jd","saleId":"j-4","sellerId":"nobody","time":"2018-03-01T09:00:00+08:00","product":"quilt","category":"textile","quantity":1,"amount":1,"customer":"buyer-5"},
              {"platform":"jd","saleId":"j-5","sellerId":"ali","time":"2018-03-01T09:00:00","product":"quilt","category":"textile","quantity":1,"amount":1,"customer":"buyer-5"}
            ]
            """);
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
