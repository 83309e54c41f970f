namespace Villages.Cli.Load;

/// <summary>One POST /api/sales body, ready to send: lines [FirstLine, FirstLine + Lines) of the plan as a JSON array.</summary>
public sealed record LoadBatch(long Number, long FirstLine, int Lines, byte[] Body);
