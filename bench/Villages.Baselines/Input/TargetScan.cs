using System.Text.Json;
using Villages.Domain.Time;

namespace Villages.Baselines.Input;

/// <summary>
/// A quick pass over the batch files before PostgreSQL ingest, reading only each line's sellerId and time, so the
/// queries under ingest load can ask about the same county and village as the idle queries after it. It also leaves
/// the files in the page cache, so ingest is not timed against a cold disk.
/// </summary>
internal static class TargetScan
{
    public static Targets Run(IReadOnlyList<string> files, IReadOnlyDictionary<string, SellerRow> sellers)
    {
        var picker = new TargetPicker();
        foreach (var file in files)
        {
            Scan(File.ReadAllBytes(file), sellers, picker);
        }

        return picker.Pick();
    }

    private static void Scan(byte[] body, IReadOnlyDictionary<string, SellerRow> sellers, TargetPicker picker)
    {
        var reader = new Utf8JsonReader(body);
        string? seller = null;
        string? time = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1)
            {
                seller = time = null;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
            {
                var isSeller = reader.ValueTextEquals("sellerId"u8);
                var isTime = !isSeller && reader.ValueTextEquals("time"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    seller = isSeller ? reader.GetString() : seller;
                    time = isTime ? reader.GetString() : time;
                }

                reader.Skip();
            }
            else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1
                && seller is not null && time is not null && sellers.TryGetValue(seller, out var row)
                && EventTime.TryParse(time, out var instant, out _))
            {
                picker.Add(row.VillageCode, Cst.WallClock(instant).Year, 1);
            }
        }
    }
}
