package org.involve.core.equality;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear equations over unknowns 0 to n - 1, each given by its non-zero coefficients: which unknowns every solution
 * gives the same value, whatever the right-hand sides.
 *
 * <p>When each unknown is in at most two equations, with coefficient 1 or -1, and the equations can be negated so that
 * an unknown in two of them has opposite signs there, they say that flow is kept at each node of a graph: an equation
 * is a node, an unknown an edge between its two equations (or from its one equation to a node outside, where nothing
 * is kept). Two solutions for the same right-hand sides then differ by flows round cycles, so an unknown is fixed
 * exactly when its edge is on no cycle, a bridge; bridges are found in time linear in the size of the graph, where row
 * reduction takes time cubic. The equality report's sums are such a graph: each count is in its role's sum and in
 * its programme count's, or is a total in one sum and a part in another. Other equations are row-reduced ({@link
 * Rref}).
 */
final class Equations {
    private final int unknowns;
    private final List<int[]> at = new ArrayList<>();
    private final List<int[]> coefficients = new ArrayList<>();

    Equations(int unknowns) {
        this.unknowns = unknowns;
    }

    /** Adds the equation: the sum of coefficients[j] times unknown at[j]; each unknown at most once, none 0. */
    void add(int[] at, int[] coefficients) {
        this.at.add(at.clone());
        this.coefficients.add(coefficients.clone());
    }

    /** For each unknown, whether every solution gives it the same value. */
    boolean[] determined() {
        boolean[] bridges = bridges();
        return bridges != null ? bridges : rowReduced();
    }

    /** {@link #determined} by row reduction, whatever the equations. */
    boolean[] rowReduced() {
        List<double[]> rows = new ArrayList<>();
        for (int e = 0; e < at.size(); e++) {
            double[] row = new double[unknowns];
            for (int j = 0; j < at.get(e).length; j++) row[at.get(e)[j]] += coefficients.get(e)[j];
            rows.add(row);
        }
        return Rref.determined(rows, unknowns);
    }

    /** {@link #determined} as the bridges of the equations' graph, or null if they are not a graph's. */
    boolean[] bridges() {
        int nodes = at.size() + 1, outside = at.size();
        int[] degree = new int[unknowns], end0 = new int[unknowns], end1 = new int[unknowns];
        int[] sign0 = new int[unknowns], sign1 = new int[unknowns];
        for (int e = 0; e < at.size(); e++)
            for (int j = 0; j < at.get(e).length; j++) {
                int u = at.get(e)[j], c = coefficients.get(e)[j];
                if (Math.abs(c) != 1 || degree[u] == 2) return null;
                if (degree[u] == 0) {
                    end0[u] = e;
                    sign0[u] = c;
                    end1[u] = outside;
                } else {
                    end1[u] = e;
                    sign1[u] = c;
                }
                degree[u]++;
            }
        // the graph, as lists of (unknown) edges by node
        int[] start = new int[nodes + 1];
        for (int u = 0; u < unknowns; u++)
            if (degree[u] > 0) {
                start[end0[u] + 1]++;
                start[end1[u] + 1]++;
            }
        for (int v = 0; v < nodes; v++) start[v + 1] += start[v];
        int[] edges = new int[start[nodes]], filled = start.clone();
        for (int u = 0; u < unknowns; u++)
            if (degree[u] > 0) {
                edges[filled[end0[u]]++] = u;
                edges[filled[end1[u]]++] = u;
            }
        if (!negatable(degree, end0, end1, sign0, sign1, start, edges, outside)) return null;
        return bridges(end0, end1, start, edges, nodes);
    }

    /**
     * Whether each equation can be negated or not so that every unknown in two has opposite signs in them: a
     * two-colouring, where an unknown with the same sign in both says "one of the two is negated".
     */
    private static boolean negatable(
            int[] degree,
            int[] end0,
            int[] end1,
            int[] sign0,
            int[] sign1,
            int[] start,
            int[] edges,
            int outside) {
        int[] negated = new int[outside]; // 0 not yet decided, 1 kept, -1 negated
        int[] todo = new int[outside];
        for (int first = 0; first < outside; first++) {
            if (negated[first] != 0) continue;
            negated[first] = 1;
            int top = 0;
            todo[top++] = first;
            while (top > 0) {
                int v = todo[--top];
                for (int i = start[v]; i < start[v + 1]; i++) {
                    int u = edges[i];
                    if (degree[u] < 2) continue;
                    int w = end0[u] == v ? end1[u] : end0[u];
                    int wants = -sign0[u] * sign1[u] * negated[v];
                    if (negated[w] == 0) {
                        negated[w] = wants;
                        todo[top++] = w;
                    } else if (negated[w] != wants) return false;
                }
            }
        }
        return true;
    }

    /** The unknowns whose edges are bridges (Tarjan's low points, walked without recursion). */
    private boolean[] bridges(int[] end0, int[] end1, int[] start, int[] edges, int nodes) {
        boolean[] bridge = new boolean[unknowns];
        int[] found = new int[nodes], low = new int[nodes]; // found 0: not yet reached
        int[] cameBy = new int[nodes], next = new int[nodes], stack = new int[nodes];
        int time = 0;
        for (int root = 0; root < nodes; root++) {
            if (found[root] != 0) continue;
            int top = 0;
            stack[top++] = root;
            found[root] = low[root] = ++time;
            cameBy[root] = -1;
            next[root] = start[root];
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < start[v + 1]) {
                    int u = edges[next[v]++];
                    if (u == cameBy[v]) continue;
                    int w = end0[u] == v ? end1[u] : end0[u];
                    if (found[w] == 0) {
                        found[w] = low[w] = ++time;
                        cameBy[w] = u;
                        next[w] = start[w];
                        stack[top++] = w;
                    } else low[v] = Math.min(low[v], found[w]);
                } else {
                    top--;
                    if (top > 0) {
                        int parent = stack[top - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                        if (low[v] > found[parent]) bridge[cameBy[v]] = true;
                    }
                }
            }
        }
        return bridge;
    }
}
