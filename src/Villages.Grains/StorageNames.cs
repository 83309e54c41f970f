namespace Villages.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider holding ledger positions, figures checkpoints and programme definitions.</summary>
    public const string Villages = "villages";
}
