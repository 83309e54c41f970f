namespace Villages.Postgres.Tests.Grains;

[GenerateSerializer]
public sealed class Counter
{
    [Id(0)]
    public int Value { get; set; }
}

public interface IProbeGrain : IGrainWithStringKey
{
    Task<int> Get();

    Task Set(int value);

    Task Clear();

    Task Deactivate();

    /// <summary>The silo this activation lives on.</summary>
    Task<string> Silo();
}

public interface IAlphaGrain : IProbeGrain;

public interface IBetaGrain : IProbeGrain;

public abstract class ProbeGrain(IPersistentState<Counter> state) : Grain, IProbeGrain
{
    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task Set(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);
}

/// <summary>Two grain types with their own state names, as Villages' grains have: same key, separate rows.</summary>
public sealed class AlphaGrain([PersistentState("alpha", ProbeStorage.Name)] IPersistentState<Counter> state) : ProbeGrain(state), IAlphaGrain;

public sealed class BetaGrain([PersistentState("beta", ProbeStorage.Name)] IPersistentState<Counter> state) : ProbeGrain(state), IBetaGrain;

public static class ProbeStorage
{
    public const string Name = "store";
}
