package org.involve.core.equality;

import java.util.List;

/** Which unknowns a set of linear equations fixes, whatever their right-hand sides. */
final class Rref {
    private static final double EPSILON = 1e-9;

    private Rref() {}

    /**
     * @param equations the coefficients of each equation over {@code unknowns} unknowns
     * @return for each unknown, whether every solution gives it the same value
     */
    static boolean[] determined(List<double[]> equations, int unknowns) {
        double[][] m = equations.stream().map(double[]::clone).toArray(double[][]::new);
        int rows = m.length;
        int[] pivotOfRow = new int[rows];
        boolean[] pivot = new boolean[unknowns];
        int r = 0;
        for (int c = 0; c < unknowns && r < rows; c++) {
            int best = r;
            for (int i = r + 1; i < rows; i++)
                if (Math.abs(m[i][c]) > Math.abs(m[best][c])) best = i;
            if (Math.abs(m[best][c]) < EPSILON) continue;
            double[] t = m[r];
            m[r] = m[best];
            m[best] = t;
            double p = m[r][c];
            for (int j = 0; j < unknowns; j++) m[r][j] /= p;
            for (int i = 0; i < rows; i++) {
                if (i == r || Math.abs(m[i][c]) < EPSILON) continue;
                double f = m[i][c];
                for (int j = 0; j < unknowns; j++) m[i][j] -= f * m[r][j];
            }
            pivot[c] = true;
            pivotOfRow[r] = c;
            r++;
        }
        boolean[] fixed = new boolean[unknowns];
        for (int i = 0; i < r; i++) {
            boolean alone = true;
            for (int j = 0; j < unknowns; j++)
                if (!pivot[j] && Math.abs(m[i][j]) > EPSILON) {
                    alone = false;
                    break;
                }
            fixed[pivotOfRow[i]] = alone;
        }
        return fixed;
    }
}
