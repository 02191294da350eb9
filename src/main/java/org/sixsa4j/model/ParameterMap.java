package org.sixsa4j.model;

import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.InvalidInputException;

/**
 * How a model's full parameter vector follows from its free parameters: free values are placed,
 * frozen ones are constants, and linked ones are computed from their expressions in an order
 * where every link comes after what it reads. Built once per model; {@link #expand} allocates
 * nothing and is thread-safe.
 */
public final class ParameterMap {
    private final double[] base;
    private final int[] freeIndex;
    private final List<String> freeNames;
    private final int[] linkIndex;
    private final ParameterExpression[] linkExpression;

    ParameterMap(Model model) {
        List<ModelParameter> params = model.parameters();
        int n = params.size();
        base = new double[n];
        List<Integer> free = new ArrayList<>();
        freeNames = new ArrayList<>();
        ParameterExpression[] links = new ParameterExpression[n];
        for (int i = 0; i < n; i++) {
            ModelParameter p = params.get(i);
            base[i] = p.value();
            if (p.link() != null) {
                links[i] = ParameterExpression.parse(p.link(), model::index);
            } else if (!p.isFrozen()) {
                free.add(i);
                freeNames.add(p.name());
            }
        }
        freeIndex = free.stream().mapToInt(Integer::intValue).toArray();
        int[] order = linkOrder(params, links);
        linkIndex = order;
        linkExpression = new ParameterExpression[order.length];
        for (int k = 0; k < order.length; k++) {
            linkExpression[k] = links[order[k]];
        }
    }

    /** Linked parameters sorted so that each comes after the links it reads (depth-first, with cycle detection). */
    private static int[] linkOrder(List<ModelParameter> params, ParameterExpression[] links) {
        int n = links.length;
        int[] state = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (links[i] != null) {
                visit(i, params, links, state, order, new ArrayList<>());
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void visit(int i, List<ModelParameter> params, ParameterExpression[] links, int[] state,
                              List<Integer> order, List<Integer> path) {
        if (state[i] == 2) {
            return;
        }
        path.add(i);
        if (state[i] == 1) {
            List<String> cycle = new ArrayList<>();
            for (int k = path.indexOf(i); k < path.size(); k++) {
                cycle.add(params.get(path.get(k)).name());
            }
            throw new InvalidInputException("links form a cycle: " + String.join(" -> ", cycle));
        }
        state[i] = 1;
        for (int r : links[i].references()) {
            if (links[r] != null) {
                visit(r, params, links, state, order, path);
            }
        }
        state[i] = 2;
        path.remove(path.size() - 1);
        order.add(i);
    }

    /** Number of free parameters. */
    public int freeCount() {
        return freeIndex.length;
    }

    /** Length of the full parameter vector. */
    public int fullCount() {
        return base.length;
    }

    /** The free parameters' names, in the order {@link #expand} reads them. */
    public List<String> freeNames() {
        return List.copyOf(freeNames);
    }

    /** The free parameters' current values in the model. */
    public double[] freeValues() {
        double[] v = new double[freeIndex.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = base[freeIndex[k]];
        }
        return v;
    }

    /**
     * Writes the full parameter vector to {@code full[fullOffset ..]} from the free values
     * {@code free[freeOffset ..]}.
     */
    public void expand(double[] free, int freeOffset, double[] full, int fullOffset) {
        System.arraycopy(base, 0, full, fullOffset, base.length);
        for (int k = 0; k < freeIndex.length; k++) {
            full[fullOffset + freeIndex[k]] = free[freeOffset + k];
        }
        for (int k = 0; k < linkIndex.length; k++) {
            full[fullOffset + linkIndex[k]] = linkExpression[k].value(full, fullOffset);
        }
    }

    /** The full parameter vector for free values {@code free}, as a new array. */
    public double[] expand(double[] free) {
        if (free.length != freeIndex.length) {
            throw new IllegalArgumentException(free.length + " values for " + freeIndex.length + " free parameters " + freeNames);
        }
        double[] full = new double[base.length];
        expand(free, 0, full, 0);
        return full;
    }
}
