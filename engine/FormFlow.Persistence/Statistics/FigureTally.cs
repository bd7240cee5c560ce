namespace FormFlow.Persistence.Statistics;

/// <summary>
/// The figures the raw rows make, tallied for a recount or a fill (<see cref="FigureRecount"/>). Each rule's change is
/// first kept at its own org and local day (<see cref="Add"/>): a few integers per distinct org, day and series, so one
/// pass over each raw table suffices, however many years it spans. <see cref="Spread"/> then adds a year's changes to
/// every ancestor and to the day, month and year rows, as <see cref="FigureStore"/> does for a save.
/// </summary>
/// <remarks>
/// A series (measure, module, key) is numbered once, so the many rows of one series carry an integer instead of three
/// strings. On a city of a million members this holds about ten million leaves; a year spread out, about six million
/// rows. Reading every table once per year, as before, made a 1M city's fill scan each table fourteen times.
/// </remarks>
internal sealed class FigureTally
{
    /// <summary>A row's identity with its series numbered: the org, the period (<see cref="FigurePeriods"/>), the series.</summary>
    public readonly record struct Cell(int OrgUnitId, int Period, int Series);

    private readonly record struct Series(string Measure, string ModuleKey, string Key);

    private readonly Dictionary<Series, int> _numbers = [];
    private readonly List<Series> _series = [];
    /// <summary>The leaves by local year (<see cref="FigurePeriods.AllTime"/> for the timeless ones), so that a year's spread reads its own only.</summary>
    private readonly Dictionary<int, Dictionary<Cell, long>> _leaves = [];

    public void Add(FigureDelta delta)
    {
        var series = new Series(delta.Measure, delta.ModuleKey, delta.Key);
        if (!_numbers.TryGetValue(series, out var number))
        {
            number = _series.Count;
            _numbers.Add(series, number);
            _series.Add(series);
        }
        var cell = new Cell(delta.OrgUnitId, delta.Day is { } day ? FigurePeriods.Day(day) : FigurePeriods.AllTime, number);
        var year = delta.Day?.Year ?? FigurePeriods.AllTime;
        if (!_leaves.TryGetValue(year, out var leaves)) _leaves[year] = leaves = [];
        leaves[cell] = leaves.GetValueOrDefault(cell) + delta.Value;
    }

    /// <summary>The local years that have changes.</summary>
    public IEnumerable<int> Years => _leaves.Keys.Where(y => y != FigurePeriods.AllTime);

    /// <summary>
    /// The rows of one local year (its days, months and the year), or with <paramref name="year"/> null the timeless
    /// ones: each change added to its org and each ancestor in <paramref name="chains"/> (orgs with no chain, deleted
    /// since, add nothing). Rows that add up to 0 are kept: a recount compares them with stored rows.
    /// </summary>
    public Dictionary<Cell, long> Spread(int? year, IReadOnlyDictionary<int, int[]> chains)
    {
        var rows = new Dictionary<Cell, long>();
        foreach (var (leaf, value) in _leaves.GetValueOrDefault(year ?? FigurePeriods.AllTime) ?? [])
        {
            if (!chains.TryGetValue(leaf.OrgUnitId, out var chain)) continue;
            int[] periods = leaf.Period == FigurePeriods.AllTime ? [FigurePeriods.AllTime] : FigurePeriods.Grains(FigurePeriods.DayOf(leaf.Period));
            foreach (var org in chain)
                foreach (var period in periods)
                {
                    var cell = new Cell(org, period, leaf.Series);
                    rows[cell] = rows.GetValueOrDefault(cell) + value;
                }
        }
        return rows;
    }

    /// <summary>The number of a stored row's series, or null when no raw row makes it.</summary>
    public int? SeriesOf(string measure, string moduleKey, string key) =>
        _numbers.TryGetValue(new Series(measure, moduleKey, key), out var number) ? number : null;

    public FigureKey KeyOf(Cell cell)
    {
        var series = _series[cell.Series];
        return new FigureKey(cell.OrgUnitId, cell.Period, series.Measure, series.ModuleKey, series.Key);
    }

    /// <summary>
    /// Spread rows that are not 0 as figures in read order (period, measure, org, module, key: as
    /// <see cref="FigureCompaction"/> leaves a closed month), sorted by numbers: each series' place in that order is
    /// found once, not by comparing its strings for every row.
    /// </summary>
    public List<Figure> InReadOrder(Dictionary<Cell, long> rows)
    {
        // Series sorted by (measure, module, key): within one measure and org, their rank is the module-and-key order.
        var seriesRank = new int[_series.Count];
        var ranked = Enumerable.Range(0, _series.Count).OrderBy(i => _series[i].Measure, StringComparer.Ordinal)
            .ThenBy(i => _series[i].ModuleKey, StringComparer.Ordinal).ThenBy(i => _series[i].Key, StringComparer.Ordinal).ToList();
        for (var r = 0; r < ranked.Count; r++) seriesRank[ranked[r]] = r;
        var measureRank = _series.Select(s => s.Measure).Distinct().Order(StringComparer.Ordinal).Select((m, r) => (m, r)).ToDictionary(x => x.m, x => x.r);
        var measureOf = _series.Select(s => measureRank[s.Measure]).ToArray();

        var cells = rows.Where(r => r.Value != 0).ToArray();
        Array.Sort(cells, (a, b) =>
        {
            var (x, y) = (a.Key, b.Key);
            var c = x.Period.CompareTo(y.Period);
            if (c == 0) c = measureOf[x.Series].CompareTo(measureOf[y.Series]);
            if (c == 0) c = x.OrgUnitId.CompareTo(y.OrgUnitId);
            return c != 0 ? c : seriesRank[x.Series].CompareTo(seriesRank[y.Series]);
        });
        return cells.Select(r =>
        {
            var series = _series[r.Key.Series];
            return new Figure { OrgUnitId = r.Key.OrgUnitId, Period = r.Key.Period, Measure = series.Measure, ModuleKey = series.ModuleKey, Key = series.Key, Value = r.Value };
        }).ToList();
    }
}
