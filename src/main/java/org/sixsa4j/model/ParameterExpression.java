package org.sixsa4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.sixsa4j.InvalidInputException;

/**
 * An arithmetic expression of parameters that a linked parameter equals, such as
 * {@code powerlaw.PhoIndex}, {@code 2*gaussian_1.LineE} or {@code bbodyrad.kT^2 + 0.1}, as in
 * XSPEC's {@code newpar N = expression}.
 *
 * <p>It holds numbers, parameter names (with {@code [k]} for observation k of a joint model),
 * {@code + - * / ^}, parentheses, unary minus, and the functions exp, log (natural), log10, sqrt
 * and abs. {@code ^} binds tighter than unary minus and associates to the right, so
 * {@code -a^2} is {@code -(a^2)} and {@code a^b^c} is {@code a^(b^c)}. Immutable.
 */
public final class ParameterExpression {
    private final String text;
    private final Term root;
    private final List<Integer> references;

    /** A compiled node. */
    private interface Term {
        double value(double[] parameters, int offset);
    }

    private ParameterExpression(String text, Term root, List<Integer> references) {
        this.text = text;
        this.root = root;
        this.references = List.copyOf(references);
    }

    /**
     * Parses {@code text}, resolving each parameter name to its index with {@code resolver},
     * which throws {@link IllegalArgumentException} for an unknown name.
     *
     * @throws InvalidInputException with a one-line message naming the problem
     */
    public static ParameterExpression parse(String text, ToIntFunction<String> resolver) {
        Parser p = new Parser(text, resolver);
        Term t = p.sum();
        p.skipSpaces();
        if (p.pos < p.text.length()) {
            throw p.error("unexpected '" + p.text.charAt(p.pos) + "' at column " + (p.pos + 1));
        }
        return new ParameterExpression(p.text.trim(), t, p.references);
    }

    /** The value, reading parameter {@code i} at {@code parameters[offset + i]}. */
    public double value(double[] parameters, int offset) {
        return root.value(parameters, offset);
    }

    /** The indices of the parameters it reads, in order of first appearance. */
    public List<Integer> references() {
        return references;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent: sum := product {(+|-) product}; product := unary {(*|/) unary}; unary := -unary | power; power := atom [^ unary]. */
    private static final class Parser {
        private final String text;
        private final ToIntFunction<String> resolver;
        private final List<Integer> references = new ArrayList<>();
        private int pos;

        Parser(String text, ToIntFunction<String> resolver) {
            this.text = text == null ? "" : text;
            this.resolver = resolver;
        }

        Term sum() {
            Term left = product();
            while (true) {
                if (accept('+')) {
                    Term a = left;
                    Term b = product();
                    left = (p, o) -> a.value(p, o) + b.value(p, o);
                } else if (accept('-')) {
                    Term a = left;
                    Term b = product();
                    left = (p, o) -> a.value(p, o) - b.value(p, o);
                } else {
                    return left;
                }
            }
        }

        Term product() {
            Term left = unary();
            while (true) {
                if (accept('*')) {
                    Term a = left;
                    Term b = unary();
                    left = (p, o) -> a.value(p, o) * b.value(p, o);
                } else if (accept('/')) {
                    Term a = left;
                    Term b = unary();
                    left = (p, o) -> a.value(p, o) / b.value(p, o);
                } else {
                    return left;
                }
            }
        }

        Term unary() {
            if (accept('-')) {
                Term a = unary();
                return (p, o) -> -a.value(p, o);
            }
            if (accept('+')) {
                return unary();
            }
            return power();
        }

        Term power() {
            Term base = atom();
            if (accept('^')) {
                Term exponent = unary();
                return (p, o) -> Math.pow(base.value(p, o), exponent.value(p, o));
            }
            return base;
        }

        Term atom() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error(text.isBlank() ? "the expression is empty" : "the expression ends where a value was expected");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                int open = pos++;
                Term inner = sum();
                if (!accept(')')) {
                    throw error("'(' at column " + (open + 1) + " is never closed");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return nameOrFunction();
            }
            throw error("unexpected '" + c + "' at column " + (pos + 1));
        }

        Term number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int save = pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            String s = text.substring(start, pos);
            try {
                double v = Double.parseDouble(s);
                return (p, o) -> v;
            } catch (NumberFormatException e) {
                throw error("'" + s + "' at column " + (start + 1) + " is not a number");
            }
        }

        Term nameOrFunction() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '[') {
                int close = text.indexOf(']', pos);
                if (close < 0) {
                    throw error("'[' at column " + (pos + 1) + " is never closed");
                }
                pos = close + 1;
            }
            String name = text.substring(start, pos);
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '(' && name.indexOf('.') < 0) {
                pos++;
                Term arg = sum();
                if (!accept(')')) {
                    throw error("the argument of " + name + " is never closed");
                }
                return function(name, arg, start);
            }
            int index;
            try {
                index = resolver.applyAsInt(name);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            if (!references.contains(index)) {
                references.add(index);
            }
            return (p, o) -> p[o + index];
        }

        Term function(String name, Term arg, int column) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "exp":
                    return (p, o) -> Math.exp(arg.value(p, o));
                case "log":
                case "ln":
                    return (p, o) -> Math.log(arg.value(p, o));
                case "log10":
                    return (p, o) -> Math.log10(arg.value(p, o));
                case "sqrt":
                    return (p, o) -> Math.sqrt(arg.value(p, o));
                case "abs":
                    return (p, o) -> Math.abs(arg.value(p, o));
                default:
                    throw error("unknown function '" + name + "' at column " + (column + 1) + "; expected exp, log, log10, sqrt or abs");
            }
        }

        boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        InvalidInputException error(String problem) {
            return new InvalidInputException("link '" + text.trim() + "': " + problem);
        }
    }
}
