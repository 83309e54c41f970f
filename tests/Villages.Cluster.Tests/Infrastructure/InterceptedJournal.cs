using System.Reflection;
using Villages.Grains.Journal;

namespace Villages.Cluster.Tests.Infrastructure;

/// <summary>
/// A journal whose calls pass through a test's hand first: <c>around(method, args, proceed)</c> returns what the call
/// returns, calling <c>proceed</c> for the real journal's answer, or answering (or failing) instead of it.
/// </summary>
public static class InterceptedJournal
{
    public static IJournal Around(IJournal inner, Func<MethodInfo, object?[], Func<object?>, object?> around)
    {
        var proxy = DispatchProxy.Create<IJournal, Proxy>();
        ((Proxy)(object)proxy).Set(inner, around);
        return proxy;
    }

    public class Proxy : DispatchProxy
    {
        private IJournal _inner = null!;
        private Func<MethodInfo, object?[], Func<object?>, object?> _around = null!;

        public void Set(IJournal inner, Func<MethodInfo, object?[], Func<object?>, object?> around) => (_inner, _around) = (inner, around);

        protected override object? Invoke(MethodInfo? method, object?[]? args) => _around(method!, args!, () =>
        {
            try
            {
                return method!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        });
    }
}
