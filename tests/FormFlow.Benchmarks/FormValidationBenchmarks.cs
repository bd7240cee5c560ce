using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FormFlow.Engine.Forms.Formats;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Forms.Schema;
using Json.Schema;

namespace FormFlow.Benchmarks;

/// <summary>
/// Issue 2 target: processing valid data for a 40-field form with 10 rules has a median of at most 50 µs. The
/// baseline, in the same run, is JSON Schema validation alone (JsonSchema.Net on the compiled contract); the runtime
/// answers valid data with the compiled fast path instead (measured alone too) and asks JsonSchema.Net only for errors.
/// Run: dotnet run -c Release --project tests/FormFlow.Benchmarks -- --filter '*FormValidationBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MedianColumn]
[MemoryDiagnoser]
public class FormValidationBenchmarks
{
    private static readonly EvaluationOptions SchemaOptions = new()
    {
        RequireFormatValidation = true,
        FormatRegistry = MainlandFormats.Registry,
        OutputFormat = OutputFormat.Flag,
    };

    private FormRuntime _runtime = null!;
    private JsonSchema _schema = null!;
    private SchemaFastPath _fastPath = null!;
    private JsonObject _data = null!;
    private readonly FormProcessOptions _submit = new() { Mode = FormMode.Submit };

    [GlobalSetup]
    public void Setup()
    {
        var form = FormDefinitionLoader.Load(FortyFieldForm());
        _runtime = new FormRuntime(form);
        _schema = FormSchemaCompiler.Compile(form);
        _fastPath = SchemaFastPath.TryCompile(FormSchemaCompiler.ToRuntimeJson(form), MainlandFormats.Registry)
            ?? throw new InvalidOperationException("the fast path must compile the form's schema");
        _data = ValidData();
        var result = _runtime.Process(_data, _submit);
        if (!result.Valid) throw new InvalidOperationException("benchmark data must be valid: " + string.Join("; ", result.Errors));
        if (!SchemaOnly() || !FastPathOnly()) throw new InvalidOperationException("benchmark data must match the schema");
        if (form.AllFields().Count(f => f.HasData) != 40) throw new InvalidOperationException("the form must have 40 data fields");
    }

    [Benchmark(Baseline = true, Description = "JSON Schema validation alone")]
    public bool SchemaOnly() => _schema.Evaluate(JsonSerializer.SerializeToElement(_data), SchemaOptions).IsValid;

    [Benchmark(Description = "compiled schema fast path alone")]
    public bool FastPathOnly() => _fastPath.IsCertainlyValid(_data);

    [Benchmark(Description = "FormRuntime.Process (submit, 10 rules)")]
    public bool Process() => _runtime.Process(_data, _submit).Valid;

    /// <summary>
    /// 40 data fields of the common types and 10 rules: 3 visibleIf, 2 requiredIf, 2 calculate, 3 validate.
    /// </summary>
    private static string FortyFieldForm()
    {
        var fields = new List<string>
        {
            F("name", "text", "\"required\":true,\"maxLength\":50"),
            F("residentId", "residentId", "\"required\":true,\"validate\":[{\"id\":\"adult\",\"expression\":\"ageFromId(data.residentId) >= 16\",\"message\":{\"zh-CN\":\"未满16岁\"}}]"),
            F("age", "number", "\"calculate\":\"ageFromId(data.residentId)\""),
            F("mobile", "mobile", "\"required\":true"),
            F("email", "email"),
            F("region", "region", "\"required\":true"),
            F("employmentType", "choice", "\"required\":true,\"options\":[{\"value\":\"fullTime\",\"label\":{\"zh-CN\":\"全日制\"}},{\"value\":\"platform\",\"label\":{\"zh-CN\":\"平台\"}}]"),
            F("platformName", "text", "\"visibleIf\":\"data.employmentType === 'platform'\",\"requiredIf\":\"data.employmentType === 'platform'\""),
            F("agency", "text", "\"visibleIf\":\"data.employmentType === 'dispatched'\""),
            F("income", "money", "\"min\":0"),
            F("dues", "money", "\"calculate\":\"data.income == null ? null : data.income * 0.005\""),
            F("startDate", "date", "\"required\":true"),
            F("endDate", "date", "\"visibleIf\":\"data.startDate != null\",\"validate\":[{\"id\":\"order\",\"expression\":\"data.endDate >= data.startDate\",\"message\":{\"zh-CN\":\"日期顺序错误\"}}]"),
            F("consent", "boolean", "\"required\":true,\"validate\":[{\"id\":\"agreed\",\"expression\":\"data.consent === true\",\"message\":{\"zh-CN\":\"须同意\"}}]"),
            F("note", "textarea", "\"requiredIf\":\"data.income > 100000\""),
        };
        for (var i = fields.Count; i < 40; i++)
            fields.Add(F($"extra{i}", (i % 4) switch { 0 => "text", 1 => "number", 2 => "boolean", _ => "date" }));
        return $$"""{"id":"bench","version":"1","title":{"zh-CN":"基准"},"pages":[{"id":"p1","sections":[{"id":"s1","fields":[{{string.Join(",", fields)}}]}]}]}""";
    }

    private static string F(string key, string type, string extra = "") =>
        $$"""{"id":"{{key}}","key":"{{key}}","type":"{{type}}","label":{"zh-CN":"{{key}}"}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private static JsonObject ValidData()
    {
        var data = new JsonObject
        {
            ["name"] = "张三", ["residentId"] = "11010519491231002X", ["mobile"] = "13800138000", ["email"] = "zs@example.com",
            ["region"] = "110105", ["employmentType"] = "platform", ["platformName"] = "某外卖", ["income"] = 6800.5,
            ["startDate"] = "2020-01-01", ["endDate"] = "2025-01-01", ["consent"] = true, ["note"] = "无",
        };
        for (var i = 15; i < 40; i++)
            data[$"extra{i}"] = (i % 4) switch { 0 => JsonValue.Create("文本"), 1 => JsonValue.Create(i), 2 => JsonValue.Create(true), _ => JsonValue.Create("2025-06-01") };
        return data;
    }
}
