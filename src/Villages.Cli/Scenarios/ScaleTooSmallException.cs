namespace Villages.Cli.Scenarios;

/// <summary>At a tiny scale a target can be smaller than the lines needed to carry it (every line needs a fen and an item).</summary>
public sealed class ScaleTooSmallException(string what) : Exception($"The scale is too small for the scenario: {what}. Use a larger --scale.");
