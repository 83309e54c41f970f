namespace Villages.Cli.Lines;

/// <summary>A household's income in a year from a source other than online sales.</summary>
public sealed record IncomeRecord(string SellerId, int Year, string Source, long AmountFen);
