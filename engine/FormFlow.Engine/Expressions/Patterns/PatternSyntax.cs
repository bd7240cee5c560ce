using System.Globalization;

namespace FormFlow.Engine.Expressions.Patterns;

/// <summary>A pattern outside the linear-time dialect, or not a pattern at all; the message says where.</summary>
internal sealed class PatternSyntaxException(string message) : Exception(message);

internal enum Assertion { Start, End, WordBoundary, NotWordBoundary }

/// <summary>What a pattern means: a small tree of character tests, sequences, alternatives, repetitions and anchors.</summary>
internal abstract record PatternNode
{
    public sealed record Char(Func<char, bool> Test) : PatternNode;
    public sealed record Sequence(IReadOnlyList<PatternNode> Items) : PatternNode;
    public sealed record Alternation(IReadOnlyList<PatternNode> Options) : PatternNode;
    /// <summary>Max is int.MaxValue for an unbounded repetition.</summary>
    public sealed record Repeat(PatternNode Item, int Min, int Max) : PatternNode;
    public sealed record Anchor(Assertion Assertion) : PatternNode;
}

/// <summary>
/// The parser of the <c>matches</c> dialect: JavaScript regular expressions without flags, minus what cannot be
/// matched in linear time (lookarounds, backreferences) and minus escapes JavaScript only keeps for old code
/// (<c>\c</c>, octal, identity escapes of letters). It is the C# twin of designer/src/patterns/pattern-syntax.ts in
/// its "ecmascript" dialect, which the browser's matcher uses; the conformance vectors keep the two in step.
/// JavaScript's own reading decides first (an invalid RegExp is a SyntaxError before this parser runs).
/// </summary>
internal sealed class PatternParser(string source)
{
    private const int MaxGroupDepth = 100;
    private int _i;

    public static bool IsDigit(char c) => c is >= '0' and <= '9';
    public static bool IsWord(char c) => IsDigit(c) || c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '_';

    /// <summary>JavaScript's \s: WhiteSpace and LineTerminator of ECMA-262 (Zs, BOM, tab, VT, FF, LF, CR, LS, PS).</summary>
    public static bool IsSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f'
            or '\u3000' or '\ufeff' || c is >= '\u2000' and <= '\u200a';

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    public PatternNode Parse()
    {
        var node = Alternation(0);
        if (_i < source.Length) throw Error($"unexpected '{source[_i]}'");
        return node;
    }

    private char? Peek(int offset = 0) => _i + offset < source.Length ? source[_i + offset] : null;

    private PatternSyntaxException Error(string message) => new($"{message} at offset {_i}");

    private PatternNode Alternation(int depth)
    {
        var options = new List<PatternNode> { Sequence(depth) };
        while (Peek() == '|')
        {
            _i++;
            options.Add(Sequence(depth));
        }
        return options.Count == 1 ? options[0] : new PatternNode.Alternation(options);
    }

    private PatternNode Sequence(int depth)
    {
        var items = new List<PatternNode>();
        while (Peek() is { } c && c != '|' && c != ')') items.Add(Quantified(Atom(depth)));
        return new PatternNode.Sequence(items);
    }

    private PatternNode Quantified(PatternNode item)
    {
        while (true)
        {
            int min, max;
            switch (Peek())
            {
                case '*': (min, max) = (0, int.MaxValue); break;
                case '+': (min, max) = (1, int.MaxValue); break;
                case '?': (min, max) = (0, 1); break;
                case '{' when Braces() is var (from, to, length):
                    (min, max) = (from, to);
                    if (max < min) throw Error("a quantifier's range is out of order");
                    _i += length - 1;
                    break;
                default: return item;
            }
            if (item is PatternNode.Anchor) throw Error("an anchor cannot be quantified");
            _i++;
            if (Peek() == '?') _i++; // lazy: the same set of matches
            item = new PatternNode.Repeat(item, min, max);
        }
    }

    /// <summary>{n}, {n,} or {n,m} at the current position: the bounds and the text's length; null when it is a literal brace.</summary>
    private (int Min, int Max, int Length)? Braces()
    {
        var at = _i + 1;
        var min = Number(ref at);
        if (min is null) return null;
        var max = min.Value;
        if (at < source.Length && source[at] == ',')
        {
            at++;
            max = Number(ref at) ?? int.MaxValue;
        }
        return at < source.Length && source[at] == '}' ? (min.Value, max, at + 1 - _i) : null;
    }

    // Counts beyond int are clamped: a repetition that large is refused by the state limit anyway.
    private int? Number(ref int at)
    {
        var start = at;
        while (at < source.Length && IsDigit(source[at])) at++;
        if (at == start) return null;
        return double.Parse(source.AsSpan(start, at - start), CultureInfo.InvariantCulture) is var n && n > int.MaxValue - 1 ? int.MaxValue - 1 : (int)n;
    }

    private PatternNode Atom(int depth)
    {
        var c = source[_i++];
        switch (c)
        {
            case '(':
                if (depth >= MaxGroupDepth) throw Error("groups are nested too deeply");
                if (Peek() == '?') GroupPrefix();
                var inner = Alternation(depth + 1);
                if (Peek() != ')') throw Error("a group is not closed");
                _i++;
                return inner;
            case '[': return new PatternNode.Char(CharClass());
            case '.': return new PatternNode.Char(ch => !IsLineTerminator(ch));
            case '^': return new PatternNode.Anchor(Assertion.Start);
            case '$': return new PatternNode.Anchor(Assertion.End);
            case '\\': return Escape();
            case '*' or '+' or '?': throw Error("a quantifier follows nothing");
            case ')': throw Error("unbalanced ')'");
            default: return Single(c);
        }
    }

    /// <summary>(?: and (?&lt;name&gt; are groups like any other; lookarounds and inline options are refused.</summary>
    private void GroupPrefix()
    {
        if (Peek(1) == ':')
        {
            _i += 2;
            return;
        }
        if (Peek(1) == '<' && Peek(2) is { } first && (char.IsAsciiLetter(first) || first == '_'))
        {
            var end = source.IndexOf('>', _i);
            if (end > 0 && source.AsSpan(_i + 3, end - _i - 3).ContainsAnyExcept(NameCharacters) is false)
            {
                _i = end + 1;
                return;
            }
        }
        throw Error("lookarounds, backreferences and inline options are not supported");
    }

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static PatternNode.Char Single(char c) => new(ch => ch == c);

    /// <summary>An escape outside a class: \b and \B, or a character or class escape.</summary>
    private PatternNode Escape()
    {
        switch (Peek())
        {
            case 'b':
                _i++;
                return new PatternNode.Anchor(Assertion.WordBoundary);
            case 'B':
                _i++;
                return new PatternNode.Anchor(Assertion.NotWordBoundary);
        }
        var escaped = CharacterEscape();
        return new PatternNode.Char(escaped.Test ?? (ch => ch == escaped.Unit));
    }

    /// <summary>A character escape (one code unit) or a class escape (\d, \w, \s and their negations) after the backslash.</summary>
    private (char Unit, Func<char, bool>? Test) CharacterEscape()
    {
        if (_i >= source.Length) throw Error("the pattern ends with a backslash");
        var c = source[_i++];
        return c switch
        {
            'd' => (default, IsDigit),
            'D' => (default, ch => !IsDigit(ch)),
            'w' => (default, IsWord),
            'W' => (default, ch => !IsWord(ch)),
            's' => (default, IsSpace),
            'S' => (default, ch => !IsSpace(ch)),
            't' => ('\t', null),
            'n' => ('\n', null),
            'r' => ('\r', null),
            'f' => ('\f', null),
            'v' => ('\v', null),
            '0' when Peek() is { } next && IsDigit(next) => throw Error("octal escapes are not supported"),
            '0' => ('\0', null),
            'x' => (Hex(2), null),
            'u' => (Hex(4), null),
            _ when char.IsAsciiLetterOrDigit(c) => throw Error($"the escape \\{c} is not supported"),
            _ => (c, null),
        };
    }

    private char Hex(int digits)
    {
        if (_i + digits > source.Length || !int.TryParse(source.AsSpan(_i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw Error("a hexadecimal escape needs more digits");
        _i += digits;
        return (char)code;
    }

    /// <summary>A class after '[': JavaScript ends it at the first ']' ([] matches nothing, [^] anything).</summary>
    private Func<char, bool> CharClass()
    {
        var negated = Peek() == '^';
        if (negated) _i++;
        var tests = new List<Func<char, bool>>();
        while (Peek() != ']')
        {
            if (_i >= source.Length) throw Error("a character class is not closed");
            var low = ClassAtom();
            if (Peek() == '-' && Peek(1) is { } after && after != ']' && low.Test is null)
            {
                _i++;
                var high = ClassAtom();
                if (high.Test is not null) throw Error("a range ends in a class escape");
                if (high.Unit < low.Unit) throw Error("a range is out of order");
                var (from, to) = (low.Unit, high.Unit);
                tests.Add(ch => ch >= from && ch <= to);
            }
            else tests.Add(low.Test ?? (ch => ch == low.Unit));
        }
        _i++;
        Func<char, bool>[] members = [.. tests];
        return negated ? ch => !AnyHolds(members, ch) : ch => AnyHolds(members, ch);
    }

    private static bool AnyHolds(Func<char, bool>[] tests, char c)
    {
        foreach (var test in tests)
            if (test(c)) return true;
        return false;
    }

    /// <summary>One class member: a code unit, or a class escape such as \d (\b is a backspace inside a class).</summary>
    private (char Unit, Func<char, bool>? Test) ClassAtom()
    {
        var c = source[_i++];
        if (c != '\\') return (c, null);
        if (Peek() == 'b')
        {
            _i++;
            return ('\b', null);
        }
        return CharacterEscape();
    }
}
