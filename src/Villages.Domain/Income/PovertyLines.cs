using System.Globalization;

namespace Villages.Domain.Income;

/// <summary>The official rural poverty line by year, in fen per person per year, read from the table in silo-config.</summary>
public sealed class PovertyLines(IReadOnlyDictionary<int, long> fenPerPersonByYear)
{
    public static readonly PovertyLines None = new(new Dictionary<int, long>());

    public long? For(int year) => fenPerPersonByYear.TryGetValue(year, out var fen) ? fen : null;

    /// <summary>Reads "year,yuanPerPersonPerYear,..." CSV text with a header row.</summary>
    public static PovertyLines Parse(string csv)
    {
        var table = new Dictionary<int, long>();
        foreach (var line in csv.Split('\n').Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 2
                && int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && Money.Fen.TryParseYuan(cells[1].Trim(), out var fen, out _))
            {
                table[year] = fen;
            }
        }

        return new PovertyLines(table);
    }
}
