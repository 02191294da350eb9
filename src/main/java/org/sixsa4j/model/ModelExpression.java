package org.sixsa4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sixsa4j.InvalidInputException;

/**
 * A model written in XSPEC's syntax, such as {@code tbabs*(bbodyrad+powerlaw)} or
 * {@code constant*tbabs*(diskbb+gaussian+powerlaw)}, parsed into a tree of sums and products of
 * components.
 *
 * <p>Grammar: {@code expr = term {'+' term}}, {@code term = factor {'*' factor}},
 * {@code factor = NAME ['(' expr ')'] | '(' expr ')'}; a name directly followed by a parenthesis
 * multiplies it, as XSPEC reads {@code phabs(powerlaw)}. Names are case-insensitive and may be
 * unique abbreviations ({@link Components#get}). The algebra is XSPEC's: sums add photon spectra;
 * a product holds at most one additive term and any number of multiplicative factors; a
 * multiplicative component with nothing additive to act on, and the product of two additive
 * terms, are errors.
 *
 * <p>Components repeated in a model are numbered in order of appearance, {@code gaussian_1},
 * {@code gaussian_2}; a component that appears once keeps its plain name.
 */
public final class ModelExpression {
    private final String text;
    private final Node root;
    private final List<ComponentType> components;
    private final List<String> names;

    /** A node of the expression tree. */
    public interface Node {
        /** Whether it evaluates to a photon spectrum or to a factor. */
        ComponentKind kind();
    }

    /** A component, by its position in {@link #components()}. */
    public record Leaf(int index, ComponentKind kind) implements Node {
    }

    /** A sum of additive terms. */
    public record Sum(List<Node> terms) implements Node {
        @Override
        public ComponentKind kind() {
            return ComponentKind.ADDITIVE;
        }
    }

    /** A product of factors, at most one of them additive. */
    public record Product(List<Node> factors, ComponentKind kind) implements Node {
    }

    private ModelExpression(String text, Node root, List<ComponentType> components, List<String> names) {
        this.text = text;
        this.root = root;
        this.components = List.copyOf(components);
        this.names = List.copyOf(names);
    }

    /**
     * Parses an XSPEC model expression.
     *
     * @throws InvalidInputException with a one-line message naming the problem and its column:
     *     an unknown or ambiguous component, unbalanced parentheses, a multiplicative component
     *     with nothing to multiply, two additive terms multiplied, an empty model
     */
    public static ModelExpression parse(String text) {
        Parser p = new Parser(text);
        Node root = p.expression();
        p.skipSpaces();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            throw p.error(c == ')' ? "unbalanced parentheses: ')' at column " + (p.pos + 1) + " closes nothing"
                    : "unexpected '" + c + "' at column " + (p.pos + 1));
        }
        if (root.kind() != ComponentKind.ADDITIVE) {
            throw p.error("the model has no additive component: a multiplicative component needs something to multiply");
        }
        return new ModelExpression(text.trim(), root, p.components, numbered(p.components));
    }

    private static List<String> numbered(List<ComponentType> components) {
        Map<String, Integer> total = new HashMap<>();
        for (ComponentType c : components) {
            total.merge(c.name(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (ComponentType c : components) {
            int k = seen.merge(c.name(), 1, Integer::sum);
            names.add(total.get(c.name()) == 1 ? c.name() : c.name() + "_" + k);
        }
        return names;
    }

    /** The expression as written (trimmed). */
    public String text() {
        return text;
    }

    /** The root of the tree; always additive. */
    public Node root() {
        return root;
    }

    /** The components in order of appearance. */
    public List<ComponentType> components() {
        return components;
    }

    /** The components' names in the model: plain, or numbered when repeated ({@code gaussian_2}). */
    public List<String> componentNames() {
        return names;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent over the grammar in the class comment. */
    private static final class Parser {
        private final String text;
        private final List<ComponentType> components = new ArrayList<>();
        private int pos;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        Node expression() {
            List<Node> terms = new ArrayList<>();
            int start = position();
            terms.add(term());
            while (accept('+')) {
                terms.add(term());
            }
            if (terms.size() == 1) {
                return terms.get(0);
            }
            for (Node t : terms) {
                if (t.kind() != ComponentKind.ADDITIVE) {
                    throw error("multiplicative " + describe(t) + " is added, with nothing to multiply (from column " + (start + 1)
                            + "); write it as a factor, e.g. tbabs*(powerlaw+bbody)");
                }
            }
            return new Sum(Collections.unmodifiableList(terms));
        }

        Node term() {
            List<Node> factors = new ArrayList<>();
            factors.add(factor());
            while (true) {
                if (accept('*')) {
                    factors.add(factor());
                } else if (peek() == '(') {
                    // XSPEC's implicit product: phabs(powerlaw)
                    factors.add(factor());
                } else {
                    break;
                }
            }
            if (factors.size() == 1) {
                return factors.get(0);
            }
            int additive = 0;
            for (Node f : factors) {
                if (f.kind() == ComponentKind.ADDITIVE) {
                    additive++;
                }
            }
            if (additive > 1) {
                throw error("two additive terms are multiplied (" + describeAll(factors) + "); only multiplicative components may multiply");
            }
            return new Product(Collections.unmodifiableList(factors), additive == 1 ? ComponentKind.ADDITIVE : ComponentKind.MULTIPLICATIVE);
        }

        Node factor() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error(components.isEmpty() && text.isBlank() ? "the model is empty" : "the model ends where a component was expected");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                int open = pos;
                pos++;
                if (peek() == ')') {
                    throw error("empty parentheses at column " + (open + 1));
                }
                Node inner = expression();
                if (!accept(')')) {
                    throw error("unbalanced parentheses: '(' at column " + (open + 1) + " is never closed");
                }
                return inner;
            }
            if (!Character.isLetter(c)) {
                throw error("expected a component name at column " + (pos + 1) + ", found '" + c + "'");
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            ComponentType type;
            try {
                type = Components.get(name);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage() + " (column " + (start + 1) + ")");
            }
            components.add(type);
            return new Leaf(components.size() - 1, type.kind());
        }

        String describe(Node n) {
            if (n instanceof Leaf) {
                return "component '" + components.get(((Leaf) n).index()).name() + "'";
            }
            return "term";
        }

        String describeAll(List<Node> nodes) {
            List<String> parts = new ArrayList<>();
            for (Node n : nodes) {
                if (n.kind() == ComponentKind.ADDITIVE) {
                    parts.add(n instanceof Leaf ? components.get(((Leaf) n).index()).name() : "(...)");
                }
            }
            return String.join(" and ", parts);
        }

        boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        char peek() {
            skipSpaces();
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        int position() {
            skipSpaces();
            return pos;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        InvalidInputException error(String problem) {
            return new InvalidInputException("model '" + text.trim() + "': " + problem);
        }
    }
}
