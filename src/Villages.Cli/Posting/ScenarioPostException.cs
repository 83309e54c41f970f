using Villages.Cli.Wire;

namespace Villages.Cli.Posting;

/// <summary>The API refused a request or stayed unreachable past the retry bound; the scenario is incomplete.</summary>
public class ScenarioPostException(string message) : Exception(message);

/// <summary>The API rejected lines of a batch: a bug in the generator or a changed contract, never something to retry.</summary>
public sealed class ScenarioRejectedException(string kind, int batch, long firstLine, IReadOnlyList<RejectedLine> rejected)
    : ScenarioPostException(Describe(kind, batch, firstLine, rejected))
{
    public string Kind => kind;

    public IReadOnlyList<RejectedLine> Rejected => rejected;

    private static string Describe(string kind, int batch, long firstLine, IReadOnlyList<RejectedLine> rejected) =>
        $"The API rejected {rejected.Count} {kind} line(s) of batch {batch} (lines from {firstLine}): "
        + string.Join(" | ", rejected.Take(5)) + (rejected.Count > 5 ? $" | and {rejected.Count - 5} more" : "");
}
