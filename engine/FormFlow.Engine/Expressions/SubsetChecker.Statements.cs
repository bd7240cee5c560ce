using Acornima;
using Acornima.Ast;

namespace FormFlow.Engine.Expressions;

/// <summary>The statement half of the subset checker: what a script may contain, and why an expression may not.</summary>
internal sealed partial class SubsetChecker
{
    private void VisitProgram(Script script)
    {
        if (_kind == ExpressionKind.Expression)
        {
            // Only reached when the source did not parse as a single expression.
            var statements = script.Body;
            foreach (var statement in statements)
                if (statement is not ExpressionStatement) VisitStatement(statement, 1);
            if (_problems.Count > 0) return;
            if (statements.Count == 0)
                Report(script, "the source has no expression (only comments)", ExpressionErrorKind.Syntax);
            else if (statements.Count == 1)
                // The only way one expression statement fails to parse as an expression: it ends with ';'.
                _problems.Add(new ExpressionProblem("an expression must not end with ';'",
                    statements[0].Location.End.Line, statements[0].Location.End.Column));
            else
                Report(statements[1], "only one expression is allowed (combine conditions with && or ?:)", ExpressionErrorKind.Disallowed);
            return;
        }
        CollectLocals(script);
        foreach (var statement in script.Body) VisitStatement(statement, 1);
    }

    /// <summary>Locals are known before the walk so that a use before the declaration line is not an unknown name.</summary>
    private void CollectLocals(Node node)
    {
        var pending = new Stack<Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is VariableDeclarator { Id: Identifier id }) _locals.Add(id.Name);
            if (current is IFunction or ClassDeclaration or ClassExpression) continue; // refused anyway
            foreach (var child in current.ChildNodes) pending.Push(child);
        }
    }

    private void VisitStatement(Statement statement, int depth)
    {
        if (!Enter(statement, depth)) return;
        var script = _kind == ExpressionKind.Script;
        switch (statement)
        {
            case ExpressionStatement s:
                Visit(s.Expression, depth + 1);
                break;
            case VariableDeclaration declaration when script:
                VisitDeclaration(declaration, depth);
                break;
            case IfStatement s when script:
                Visit(s.Test, depth + 1);
                VisitStatement(s.Consequent, depth + 1);
                if (s.Alternate is not null) VisitStatement(s.Alternate, depth + 1);
                break;
            case BlockStatement s when script && s is not FunctionBody and not StaticBlock:
                foreach (var inner in s.Body) VisitStatement(inner, depth + 1);
                break;
            case ReturnStatement s when script:
                if (s.Argument is not null) Visit(s.Argument, depth + 1);
                break;
            case ForStatement s when script:
                if (s.Init is VariableDeclaration init) VisitDeclaration(init, depth);
                else if (s.Init is Expression initExpression) Visit(initExpression, depth + 1);
                if (s.Test is not null) Visit(s.Test, depth + 1);
                if (s.Update is not null) Visit(s.Update, depth + 1);
                VisitStatement(s.Body, depth + 1);
                break;
            case ForOfStatement s when script && !s.Await:
                if (s.Left is VariableDeclaration left) VisitDeclaration(left, depth);
                else VisitAssignmentTarget(s.Left, depth + 1);
                Visit(s.Right, depth + 1);
                VisitStatement(s.Body, depth + 1);
                break;
            case WhileStatement s when script:
                Visit(s.Test, depth + 1);
                VisitStatement(s.Body, depth + 1);
                break;
            case DoWhileStatement s when script:
                VisitStatement(s.Body, depth + 1);
                Visit(s.Test, depth + 1);
                break;
            case BreakStatement { Label: null } or ContinueStatement { Label: null } or EmptyStatement when script:
                break;
            case ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement:
                Forbid(statement, "loops are");
                break;
            case FunctionDeclaration:
                Forbid(statement, "function definitions are");
                break;
            case ClassDeclaration:
                Forbid(statement, "classes are");
                break;
            case VariableDeclaration:
                Forbid(statement, "variable declarations are");
                break;
            case IfStatement:
                Forbid(statement, "'if' statements are", " (use condition ? a : b)");
                break;
            case ReturnStatement:
                Forbid(statement, "'return' statements are");
                break;
            case ImportOrExportDeclaration:
                Forbid(statement, "imports and exports are");
                break;
            default:
                Forbid(statement, $"{StatementName(statement)} {(statement is BlockStatement ? "are" : "is")}");
                break;
        }
    }

    private static string StatementName(Statement statement) => statement switch
    {
        BlockStatement => "blocks",
        SwitchStatement => "'switch'",
        TryStatement => "'try'",
        ThrowStatement => "'throw'",
        LabeledStatement => "a label",
        WithStatement => "'with'",
        DebuggerStatement => "'debugger'",
        BreakStatement => "'break' with a label",
        ContinueStatement => "'continue' with a label",
        EmptyStatement => "an empty statement",
        _ => $"the statement {statement.TypeText}",
    };

    private void VisitDeclaration(VariableDeclaration declaration, int depth)
    {
        if (declaration.Kind is not (VariableDeclarationKind.Let or VariableDeclarationKind.Const or VariableDeclarationKind.Var))
        {
            Forbid(declaration, "'using' declarations are");
            return;
        }
        foreach (var declarator in declaration.Declarations)
        {
            if (declarator.Id is not Identifier id)
            {
                Forbid(declarator.Id, "destructuring is");
                continue;
            }
            if (HelperLibrary.IsHelper(id.Name) || ScriptAccessors.IsReserved(id.Name))
                Report(id, $"'{id.Name}' is a helper function and cannot be declared as a variable", ExpressionErrorKind.Disallowed);
            else if (GlobalObjectNames.Contains(id.Name) || id.Name is "eval" or "Function" or "arguments")
                Report(id, $"'{id.Name}' cannot be declared as a variable", ExpressionErrorKind.Disallowed);
            if (declarator.Init is not null) Visit(declarator.Init, depth + 2);
        }
    }

    private void VisitAssignment(AssignmentExpression assignment, int depth)
    {
        if (_kind == ExpressionKind.Expression)
        {
            Forbid(assignment, "assignment is");
            return;
        }
        if (assignment.Operator is Operator.BitwiseAndAssignment or Operator.BitwiseOrAssignment or Operator.BitwiseXorAssignment
            or Operator.LeftShiftAssignment or Operator.RightShiftAssignment or Operator.UnsignedRightShiftAssignment)
        {
            Forbid(assignment, $"the operator '{OperatorText(assignment.Operator)}' is");
            return;
        }
        VisitAssignmentTarget(assignment.Left, depth + 1);
        Visit(assignment.Right, depth + 1);
    }

    /// <summary>Scripts may assign to their own locals and to members of objects, never to scope names or helpers.</summary>
    private void VisitAssignmentTarget(Node target, int depth)
    {
        switch (target)
        {
            case Identifier id when _locals.Contains(id.Name):
                break;
            case Identifier id:
                Report(id, $"assignment to '{id.Name}' is not allowed: assign to variables declared with let or var, or to members such as {id.Name}.x",
                    ExpressionErrorKind.Disallowed);
                break;
            case MemberExpression member:
                VisitMember(member, depth);
                break;
            default:
                Forbid(target, "destructuring is");
                break;
        }
    }
}
