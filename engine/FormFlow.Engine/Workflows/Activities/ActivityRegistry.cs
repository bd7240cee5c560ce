namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Activity types by name. <see cref="Default"/> holds the built-in library; hosts may add their own.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityBehaviour> _types = new(StringComparer.Ordinal);
    private readonly List<ActivityBehaviour> _registered = [];

    public static ActivityRegistry Default { get; } = CreateBuiltIn();

    public ActivityRegistry() { }

    /// <summary>A registry with every type of <paramref name="source"/>, to extend without touching the original.</summary>
    public ActivityRegistry(ActivityRegistry source)
    {
        foreach (var behaviour in source._registered) Add(behaviour);
    }

    public ActivityRegistry Add(ActivityBehaviour behaviour)
    {
        if (!_types.TryAdd(behaviour.Descriptor.Type, behaviour))
            throw new ArgumentException($"activity type '{behaviour.Descriptor.Type}' is registered twice");
        _registered.Add(behaviour);
        return this;
    }

    public ActivityBehaviour? Find(string type) => _types.GetValueOrDefault(type);

    public IEnumerable<ActivityDescriptor> Descriptors => _types.Values.Select(b => b.Descriptor).OrderBy(d => d.Type, StringComparer.Ordinal);

    /// <summary>As registered: the designer's palette lists each category in this order, so related types stay together.</summary>
    public IEnumerable<ActivityDescriptor> InRegistrationOrder => _registered.Select(b => b.Descriptor);

    private static ActivityRegistry CreateBuiltIn() => new ActivityRegistry()
        .Add(new StartActivity())
        .Add(new EndActivity())
        .Add(new DecisionActivity())
        .Add(new SwitchActivity())
        .Add(new ForkActivity())
        .Add(new JoinActivity())
        .Add(new SetVariableActivity())
        .Add(new ScriptActivity())
        .Add(new NotifyActivity())
        .Add(new LogActivity())
        .Add(new HttpRequestActivity())
        .Add(new DelayActivity())
        .Add(new TimerActivity())
        .Add(new WaitForEventActivity())
        .Add(new CallSubModuleActivity())
        .Add(new UserTaskActivity())
        .Add(new RequestInformationActivity())
        .Add(new OfflineHandlingActivity())
        .Add(new IssueMemberCardActivity())
        .Add(new GrantEntitlementActivity())
        .Add(new AwardPointsActivity())
        .Add(new RecordRedemptionActivity())
        .Add(new ScoreQuizActivity())
        .Add(new HandOffActivity())
        .Add(new PublishActivity())
        .Add(new AddBankQuestionActivity());
}
