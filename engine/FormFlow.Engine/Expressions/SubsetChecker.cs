using Acornima;
using Acornima.Ast;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Walks the Acornima syntax tree of a source and reports every construct outside the allowed subset (README.md in
/// this folder is the reference). Whether an identifier is a scope name depends on the caller, so names that are
/// neither helpers nor locals are collected in <see cref="SubsetCheck.FreeNames"/> and resolved later.
/// </summary>
internal sealed partial class SubsetChecker
{
    /// <summary>Methods an expression may call on strings and arrays; every other method call is refused.</summary>
    public static readonly IReadOnlySet<string> AllowedMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "includes", "startsWith", "endsWith", "indexOf", "slice", "trim", "toUpperCase", "toLowerCase", "join",
    };

    /// <summary>Names that reach the global object; named in their own message because they are the usual escape attempt.</summary>
    private static readonly IReadOnlySet<string> GlobalObjectNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "globalThis", "window", "global", "self",
    };

    private static readonly ParserOptions ParserOptions = new() { AllowReturnOutsideFunction = true };

    private readonly ExpressionKind _kind;
    private readonly int _maxDepth;
    private readonly List<ExpressionProblem> _problems = [];
    private readonly List<FreeName> _freeNames = [];
    private readonly List<int> _templates = [];
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal);
    private ExpressionErrorKind _errorKind = ExpressionErrorKind.Disallowed;

    private SubsetChecker(ExpressionKind kind, int maxDepth)
    {
        _kind = kind;
        _maxDepth = maxDepth;
    }

    private string Where => _kind == ExpressionKind.Expression ? "in expressions" : "in scripts";

    public static SubsetCheck Check(string source, ExpressionKind kind, ExpressionOptions options)
    {
        if (source.Length > options.MaxSourceLength)
            return SubsetCheck.Failed(ExpressionErrorKind.LimitExceeded,
                new ExpressionProblem($"the source is {source.Length} characters long; at most {options.MaxSourceLength} are allowed", 1, 1));
        if (string.IsNullOrWhiteSpace(source))
            return SubsetCheck.Failed(ExpressionErrorKind.Syntax, new ExpressionProblem("the source is empty", 1, 1));

        var checker = new SubsetChecker(kind, options.MaxNestingDepth);
        var parser = new Parser(ParserOptions);
        try
        {
            if (kind == ExpressionKind.Script)
            {
                checker.VisitProgram(parser.ParseScript(source, strict: true));
            }
            else
            {
                Node root;
                try
                {
                    root = parser.ParseExpression(source, strict: true);
                }
                catch (ParseErrorException expressionError)
                {
                    // Statements (a loop, a declaration, two expressions) are no syntax error to the author but a
                    // construct outside the subset: parse as a script to name the construct and its position.
                    try
                    {
                        root = parser.ParseScript(source, strict: true);
                    }
                    catch (ParseErrorException)
                    {
                        throw expressionError;
                    }
                }
                if (root is Script script) checker.VisitProgram(script);
                else checker.Visit(root, 0);
            }
        }
        catch (ParseErrorException ex)
        {
            return SubsetCheck.Failed(ExpressionErrorKind.Syntax,
                new ExpressionProblem($"syntax error: {ex.Description}", ex.LineNumber, ex.Column + 1));
        }
        catch (InsufficientExecutionStackException)
        {
            return SubsetCheck.Failed(ExpressionErrorKind.LimitExceeded,
                new ExpressionProblem($"the source is nested too deeply (more than {options.MaxNestingDepth} levels)", 1, 1));
        }
        // In source order, so the first problem is the leftmost one whatever order the walk found them in.
        var problems = checker._problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new SubsetCheck(problems, checker._errorKind, checker._freeNames, checker._templates);
    }

    public void Visit(Node node, int depth)
    {
        if (!Enter(node, depth)) return;
        switch (node)
        {
            case Literal literal:
                VisitLiteral(literal);
                break;
            case Identifier identifier:
                VisitIdentifier(identifier);
                break;
            case TemplateLiteral template:
                _templates.Add(template.Start);
                foreach (var part in template.Expressions) Visit(part, depth + 1);
                break;
            case ArrayExpression array:
                foreach (var element in array.Elements)
                {
                    if (element is null) Report(array, $"empty array slots (holes) are not allowed {Where}", ExpressionErrorKind.Disallowed);
                    else Visit(element, depth + 1);
                }
                break;
            case ObjectExpression obj:
                foreach (var property in obj.Properties) VisitProperty(property, depth + 1);
                break;
            case MemberExpression member:
                VisitMember(member, depth);
                break;
            case ChainExpression chain:
                Visit(chain.Expression, depth + 1);
                break;
            case CallExpression call:
                VisitCall(call, depth);
                break;
            case UpdateExpression update:
                if (_kind == ExpressionKind.Script) VisitAssignmentTarget(update.Argument, depth + 1);
                else Forbid(update, "'++' and '--' are");
                break;
            case UnaryExpression unary:
                if (unary.Operator is Operator.LogicalNot or Operator.UnaryNegation or Operator.UnaryPlus or Operator.TypeOf)
                    Visit(unary.Argument, depth + 1);
                else Forbid(unary, $"the operator '{OperatorText(unary.Operator)}' is");
                break;
            case BinaryExpression binary:
                if (IsAllowedBinary(binary.Operator))
                {
                    Visit(binary.Left, depth + 1);
                    Visit(binary.Right, depth + 1);
                }
                else Forbid(binary, $"the operator '{OperatorText(binary.Operator)}' is");
                break;
            case ConditionalExpression conditional:
                Visit(conditional.Test, depth + 1);
                Visit(conditional.Consequent, depth + 1);
                Visit(conditional.Alternate, depth + 1);
                break;
            case AssignmentExpression assignment:
                VisitAssignment(assignment, depth);
                break;
            case ParenthesizedExpression parenthesized:
                Visit(parenthesized.Expression, depth + 1);
                break;
            case FunctionExpression or ArrowFunctionExpression:
                Forbid(node, "function definitions are");
                break;
            case NewExpression:
                Forbid(node, "'new' is");
                break;
            case ThisExpression:
                Forbid(node, "'this' is");
                break;
            case SequenceExpression:
                Forbid(node, "comma (sequence) expressions are");
                break;
            case SpreadElement:
                Forbid(node, "spread ('...') is");
                break;
            case TaggedTemplateExpression:
                Forbid(node, "tagged templates are");
                break;
            case AwaitExpression:
                Forbid(node, "'await' is");
                break;
            case YieldExpression:
                Forbid(node, "'yield' is");
                break;
            case ClassExpression:
                Forbid(node, "classes are");
                break;
            case ImportExpression:
                Forbid(node, "'import' is");
                break;
            case MetaProperty or Super:
                Forbid(node, $"'{node.TypeText}' is");
                break;
            case Statement statement:
                VisitStatement(statement, depth);
                break;
            default:
                Forbid(node, $"the construct {node.TypeText} is");
                break;
        }
    }

    private void VisitLiteral(Literal literal)
    {
        switch (literal)
        {
            case RegExpLiteral:
                Forbid(literal, "regular expression literals are", " (use matches(text, pattern))");
                break;
            case BigIntLiteral:
                Forbid(literal, "BigInt literals are");
                break;
        }
    }

    private void VisitIdentifier(Identifier identifier)
    {
        var name = identifier.Name;
        if (_locals.Contains(name) || name == "undefined") return;
        if (HelperLibrary.IsHelper(name) || (_kind == ExpressionKind.Script && ScriptAccessors.IsReserved(name)))
        {
            Report(identifier, $"the helper '{name}' can only be called, as {name}(...)", ExpressionErrorKind.Disallowed);
            return;
        }
        if (GlobalObjectNames.Contains(name))
        {
            Report(identifier, $"the global object ('{name}') is not accessible {Where}", ExpressionErrorKind.Disallowed);
            return;
        }
        if (name is "eval" or "Function")
        {
            Forbid(identifier, $"'{name}' is");
            return;
        }
        _freeNames.Add(new FreeName(name, identifier.Location.Start.Line, identifier.Location.Start.Column + 1));
    }

    private void VisitProperty(Node node, int depth)
    {
        if (node is SpreadElement)
        {
            Forbid(node, "spread ('...') is");
            return;
        }
        var property = (Property)node;
        if (property.Kind != PropertyKind.Init || property.Method)
        {
            Forbid(property, "getters, setters and methods in object literals are");
            return;
        }
        if (property.Computed)
        {
            Forbid(property, "computed object keys are");
            return;
        }
        var key = property.Key switch
        {
            Identifier id => id.Name,
            StringLiteral s => s.Value,
            _ => null,
        };
        if (key is not null && IsForbiddenMember(key))
            Report(property.Key, $"the member name '{key}' is not allowed {Where}", ExpressionErrorKind.Disallowed);
        Visit(property.Value, depth + 1);
    }

    private void VisitMember(MemberExpression member, int depth)
    {
        Visit(member.Object, depth + 1);
        if (!member.Computed)
        {
            var name = ((Identifier)member.Property).Name;
            if (IsForbiddenMember(name))
                Report(member.Property, $"the member '{name}' is not accessible {Where}", ExpressionErrorKind.Disallowed);
            return;
        }
        if (member.Property is StringLiteral literal && IsForbiddenMember(literal.Value))
            Report(member.Property, $"the member '{literal.Value}' is not accessible {Where}", ExpressionErrorKind.Disallowed);
        else Visit(member.Property, depth + 1);
    }

    private void VisitCall(CallExpression call, int depth)
    {
        switch (call.Callee)
        {
            case Identifier { Name: var name } when HelperLibrary.IsHelper(name):
                break;
            case Identifier { Name: var name } when _kind == ExpressionKind.Script && ScriptAccessors.IsCandidate(name) && !_locals.Contains(name):
                // getVariable/setVariable, or getX/setX for a key X of `variables`, resolved against the scope later.
                if (!ScriptAccessors.IsReserved(name))
                    _freeNames.Add(new FreeName(name, call.Callee.Location.Start.Line, call.Callee.Location.Start.Column + 1));
                break;
            case Identifier { Name: var name } when name is "eval" or "Function":
                Forbid(call.Callee, $"'{name}' is");
                break;
            case Identifier { Name: var name }:
                Report(call.Callee, $"'{name}' is not a helper function", ExpressionErrorKind.Disallowed);
                break;
            case MemberExpression { Computed: false, Property: Identifier { Name: var method } } member:
                if (!AllowedMethods.Contains(method))
                    Report(member.Property,
                        $"the method '{method}' is not allowed (allowed: {string.Join(", ", AllowedMethods)})", ExpressionErrorKind.Disallowed);
                Visit(member.Object, depth + 1);
                break;
            case MemberExpression { Computed: true } member:
                Report(member.Property, "calling a computed member (obj[...]()) is not allowed", ExpressionErrorKind.Disallowed);
                break;
            default:
                Visit(call.Callee, depth + 1); // names the construct (a function expression, new, ...) when it is refused
                if (_problems.Count == 0)
                    Report(call.Callee, "only helper functions and the allowed string and array methods can be called", ExpressionErrorKind.Disallowed);
                break;
        }
        foreach (var argument in call.Arguments) Visit(argument, depth + 1);
    }

    private static bool IsAllowedBinary(Operator op) => op is Operator.Addition or Operator.Subtraction or Operator.Multiplication
        or Operator.Division or Operator.Remainder or Operator.Exponentiation or Operator.LessThan or Operator.LessThanOrEqual
        or Operator.GreaterThan or Operator.GreaterThanOrEqual or Operator.Equality or Operator.Inequality
        or Operator.StrictEquality or Operator.StrictInequality or Operator.LogicalAnd or Operator.LogicalOr
        or Operator.NullishCoalescing;

    /// <summary>Members that reach prototypes and constructors, the way out of the sandbox.</summary>
    internal static bool IsForbiddenMember(string name) =>
        name is "constructor" or "prototype" || (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal));

    private static string OperatorText(Operator op) => op switch
    {
        Operator.In => "in",
        Operator.InstanceOf => "instanceof",
        Operator.Delete => "delete",
        Operator.Void => "void",
        Operator.BitwiseNot => "~",
        Operator.BitwiseAnd => "&",
        Operator.BitwiseOr => "|",
        Operator.BitwiseXor => "^",
        Operator.LeftShift => "<<",
        Operator.RightShift => ">>",
        Operator.UnsignedRightShift => ">>>",
        Operator.BitwiseAndAssignment => "&=",
        Operator.BitwiseOrAssignment => "|=",
        Operator.BitwiseXorAssignment => "^=",
        Operator.LeftShiftAssignment => "<<=",
        Operator.RightShiftAssignment => ">>=",
        Operator.UnsignedRightShiftAssignment => ">>>=",
        _ => op.ToString(),
    };

    private bool Enter(Node node, int depth)
    {
        if (depth <= _maxDepth) return true;
        // One report is enough; the rest of the too-deep subtree is not walked.
        if (_errorKind != ExpressionErrorKind.LimitExceeded)
            Report(node, $"the source is nested too deeply (more than {_maxDepth} levels)", ExpressionErrorKind.LimitExceeded);
        return false;
    }

    private void Forbid(Node node, string construct, string hint = "") =>
        Report(node, $"{construct} not allowed {Where}{hint}", ExpressionErrorKind.Disallowed);

    private void Report(Node node, string message, ExpressionErrorKind kind)
    {
        // A limit or a syntax error outranks a disallowed construct: either way the source cannot run; that says why first.
        if (kind != ExpressionErrorKind.Disallowed) _errorKind = kind;
        _problems.Add(new ExpressionProblem(message, node.Location.Start.Line, node.Location.Start.Column + 1));
    }
}

/// <summary>A name that is neither a helper nor a local, with where it first appears: it must be a scope name.</summary>
internal sealed record FreeName(string Name, int Line, int Column);

/// <summary>The scope-independent outcome of checking one source.</summary>
/// <param name="TemplateStarts">Where each template literal starts (offsets into the source): PreparedSource guards them.</param>
internal sealed record SubsetCheck(IReadOnlyList<ExpressionProblem> Problems, ExpressionErrorKind ErrorKind, IReadOnlyList<FreeName> FreeNames,
    IReadOnlyList<int> TemplateStarts)
{
    public static SubsetCheck Failed(ExpressionErrorKind kind, ExpressionProblem problem) => new([problem], kind, [], []);
}
