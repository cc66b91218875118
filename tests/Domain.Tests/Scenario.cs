using System.Collections;
using System.Text.Json;

namespace Traceability.Domain.Tests;

/// <summary>An event with the actor its metadata would carry; plain events get <see cref="Scenario.SomeActor"/>.</summary>
public sealed record By(string Actor, object Event);

/// <summary>
/// Given(events).When(decide).Then(events | nothing | failure). Events are compared as their
/// type plus stored JSON, which also proves every event survives System.Text.Json.
/// </summary>
public sealed class Scenario<TState>(Func<TState?, object, string, TState?> evolve) where TState : class
{
    private IReadOnlyList<object> _given = [];

    public Scenario<TState> Given(params object[] events)
    {
        _given = events;
        return this;
    }

    public Outcome When(Func<TState?, object?> decide)
    {
        TState? state = null;
        foreach (var item in _given)
        {
            var (actor, e) = item is By by ? (by.Actor, by.Event) : (Scenario.SomeActor, item);
            state = evolve(state, e, actor);
        }
        return new Outcome(() => decide(state));
    }

    public sealed class Outcome(Func<object?> run)
    {
        public void Then(params object[] expected) =>
            Assert.Equal(expected.Select(Scenario.Describe), Flatten(run()).Select(Scenario.Describe));

        public void ThenNothing() => Assert.Empty(Flatten(run()));

        public TException ThenFails<TException>() where TException : Exception =>
            Assert.ThrowsAny<TException>(() => run());

        private static IEnumerable<object> Flatten(object? result) => result switch
        {
            null => [],
            IEnumerable many and not string => many.Cast<object>(),
            _ => [result],
        };
    }
}

public static class Scenario
{
    public const string SomeActor = "alice";

    public static Scenario<TState> For<TState>(Func<TState?, object, TState?> evolve) where TState : class =>
        new((state, e, _) => evolve(state, e));

    public static Scenario<TState> For<TState>(Func<TState?, object, string, TState?> evolve) where TState : class =>
        new(evolve);

    public static string Describe(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
