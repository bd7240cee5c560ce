using Acornima;
using Acornima.Ast;

namespace FormFlow.Engine.Forms.Rules;

/// <summary>
/// Which form data a rule reads: the keys after `data.` and `item.` (also `data["key"]`), with their positions, so
/// that a rule naming a missing field is rejected at load and calculated fields can be ordered.
/// </summary>
public sealed record ExpressionReferences(IReadOnlyList<FieldReference> Data, IReadOnlyList<FieldReference> Item)
{
    private static readonly Parser Parser = new(new ParserOptions { Tolerant = false });

    /// <summary>Reads the references; returns null when the source does not parse (the expression engine's check reports that).</summary>
    public static ExpressionReferences? Find(string source)
    {
        Expression root;
        try
        {
            lock (Parser) root = Parser.ParseExpression(source);
        }
        catch (ParseErrorException)
        {
            return null;
        }
        var walker = new Walker();
        walker.Visit(root);
        return new ExpressionReferences(walker.Data, walker.Item);
    }

    private sealed class Walker : AstVisitor
    {
        public readonly List<FieldReference> Data = [];
        public readonly List<FieldReference> Item = [];
        protected override object? VisitMemberExpression(MemberExpression node)
        {
            if (node.Object is Identifier { Name: "data" or "item" } scope)
            {
                var key = node.Property switch
                {
                    Identifier id when !node.Computed => id.Name,
                    StringLiteral s => s.Value,
                    _ => null,
                };
                if (key is not null)
                {
                    var position = node.Property.Location.Start;
                    (scope.Name == "data" ? Data : Item).Add(new FieldReference(key, position.Line, position.Column + 1));
                }
            }
            return base.VisitMemberExpression(node);
        }
    }
}

/// <summary>A key read by a rule, with its 1-based line and column in the expression.</summary>
public sealed record FieldReference(string Key, int Line, int Column);
