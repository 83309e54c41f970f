using Microsoft.Extensions.Logging;
using Villages.Abstractions;
using Villages.Hosting.Configuration;
using Villages.Hosting.ReferenceData;

namespace Villages.Hosting.Startup;

/// <summary>
/// Once the silo is active, and every few seconds after, wakes every ledger: a ledger whose silo died with
/// acknowledged lines not yet rolled up re-sends them as soon as it is active again, so no one has to ingest
/// more for them to show. Also defines the default poverty-832 programme if it is not defined yet.
/// </summary>
internal sealed class LedgerKeeper(IGrainFactory grains, VillagesSettings settings, ILogger<LedgerKeeper> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LedgerKeeper), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        _loop = Task.Run(Loop);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task Loop()
    {
        var programmeDefined = false;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (!programmeDefined)
                {
                    var programme = grains.Programme("poverty-832");
                    if (await programme.Summary() is null)
                    {
                        var members = Divisions.ProgrammeMembers(Path.Combine(settings.ConfigFolder, "poverty-832.csv"));
                        await programme.Define("832 national poverty-stricken counties", members);
                    }

                    programmeDefined = true;
                }

                await Task.WhenAll(grains.Ledgers().Select(l => l.Wake()));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Waking the ledgers failed; will try again");
            }

            try
            {
                await Task.Delay(Period, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
