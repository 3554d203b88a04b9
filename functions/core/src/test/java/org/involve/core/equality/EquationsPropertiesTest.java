package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The bridges of the equations' graph fix exactly the unknowns row reduction says they fix. */
class EquationsPropertiesTest {
    /**
     * One unknown: the equations it is in (taken modulo the number of equations; a second the same as the first is left
     * out) and its coefficient in each.
     */
    record Unknown(List<Integer> in, List<Integer> coefficients) {}

    record Given(int equations, List<Unknown> unknowns) {
        Equations toEquations() {
            List<List<int[]>> terms = new ArrayList<>();
            for (int e = 0; e < equations; e++) terms.add(new ArrayList<>());
            for (int u = 0; u < unknowns.size(); u++) {
                Unknown x = unknowns.get(u);
                List<Integer> seen = new ArrayList<>();
                for (int k = 0; k < x.in().size(); k++) {
                    int e = x.in().get(k) % equations;
                    if (seen.contains(e)) continue;
                    seen.add(e);
                    terms.get(e).add(new int[] {u, x.coefficients().get(k)});
                }
            }
            Equations eq = new Equations(unknowns.size());
            for (List<int[]> t : terms)
                eq.add(
                        t.stream().mapToInt(a -> a[0]).toArray(),
                        t.stream().mapToInt(a -> a[1]).toArray());
            return eq;
        }
    }

    /**
     * A graph's equations: each unknown is in up to two equations, with coefficient 1 or -1, opposite in the two
     * once some equations are negated ({@code negated}).
     */
    @Provide
    Arbitrary<Given> graphs() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.of(1, -1).list().ofSize(8),
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 7).list().ofMaxSize(2),
                                        Arbitraries.of(1, -1))
                                .as(Tuple::of)
                                .list()
                                .ofMaxSize(16))
                .as(
                        (equations, negated, edges) -> {
                            List<Unknown> unknowns = new ArrayList<>();
                            for (var edge : edges) {
                                List<Integer> in = new ArrayList<>(), c = new ArrayList<>();
                                for (int k = 0; k < edge.get1().size(); k++) {
                                    int e = edge.get1().get(k) % equations;
                                    if (in.contains(e)) continue;
                                    in.add(e);
                                    // kept at one end, taken at the other, then the equation
                                    // negated or not
                                    c.add((k == 0 ? 1 : -1) * edge.get2() * negated.get(e));
                                }
                                unknowns.add(new Unknown(in, c));
                            }
                            return new Given(equations, unknowns);
                        });
    }

    @Property(tries = 2000)
    void aGraphsBridgesAreWhatRowReductionFixes(@ForAll("graphs") Given s) {
        Equations eq = s.toEquations();
        boolean[] bridges = eq.bridges();
        assertNotNull(bridges, "a graph's equations are seen as one");
        assertArrayEquals(eq.rowReduced(), bridges, s.toString());
        int fixed = 0;
        for (boolean b : bridges) if (b) fixed++;
        Statistics.collect(
                fixed == 0 ? "none fixed" : fixed == bridges.length ? "all fixed" : "some");
    }

    /** Any few equations, most coefficients 1 or -1 and most unknowns in two, so some are graphs and some not. */
    @Provide
    Arbitrary<Given> anyEquations() {
        Arbitrary<Integer> coefficient =
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.of(1, -1)), Tuple.of(1, Arbitraries.of(2, -2, 3)));
        Arbitrary<Unknown> unknown =
                Arbitraries.integers()
                        .between(0, 3)
                        .flatMap(
                                n ->
                                        Combinators.combine(
                                                        Arbitraries.integers()
                                                                .between(0, 7)
                                                                .list()
                                                                .ofSize(n),
                                                        coefficient.list().ofSize(n))
                                                .as(Unknown::new));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 7), unknown.list().ofMaxSize(14))
                .as(Given::new);
    }

    @Property(tries = 2000)
    void anyEquationsFixWhatRowReductionSays(@ForAll("anyEquations") Given s) {
        Equations eq = s.toEquations();
        boolean[] bridges = eq.bridges();
        assertArrayEquals(eq.rowReduced(), eq.determined(), s.toString());
        if (bridges != null) assertArrayEquals(eq.rowReduced(), bridges, s.toString());
        Statistics.collect(bridges == null ? "row-reduced" : "a graph");
    }

    @Test
    void equationsThatAreNoGraphAreRowReduced() {
        // x + y = a, y + z = b, z + x = c: each pair has the same sign, round an odd cycle, so
        // no negating makes them a graph's; together they fix all three
        Equations odd = new Equations(3);
        odd.add(new int[] {0, 1}, new int[] {1, 1});
        odd.add(new int[] {1, 2}, new int[] {1, 1});
        odd.add(new int[] {2, 0}, new int[] {1, 1});
        assertNull(odd.bridges());
        assertArrayEquals(new boolean[] {true, true, true}, odd.determined());
        // an unknown in three equations
        Equations three = new Equations(2);
        three.add(new int[] {0}, new int[] {1});
        three.add(new int[] {0, 1}, new int[] {1, -1});
        three.add(new int[] {0, 1}, new int[] {-1, 1});
        assertNull(three.bridges());
        assertArrayEquals(new boolean[] {true, true}, three.determined());
    }

    @Test
    void unknownsOnACycleThroughOutsideAreNotFixedAndOneAloneIs() {
        // x + y = a and x + w = b: y, x and w make a cycle from outside through both equations
        // and out again, and x can be anything (y and w follow)
        Equations eq = new Equations(3);
        eq.add(new int[] {0, 1}, new int[] {1, 1});
        eq.add(new int[] {0, 2}, new int[] {1, 1});
        assertArrayEquals(new boolean[] {false, false, false}, eq.bridges());
        Equations alone = new Equations(1);
        alone.add(new int[] {0}, new int[] {1});
        assertArrayEquals(new boolean[] {true}, alone.bridges());
    }
}
