package org.involve.core.equality;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.involve.core.kit.Field;
import org.involve.core.monitoring.MonitoringQuestions;

/**
 * Prints how long the equality report's suppression takes for a programme of many roles: not a test (surefire does not
 * run it, and nothing here asserts a time). Each programme is made up of applicants with answers skewed as real ones
 * are (a few common answers, many rare ones) reaching each stage less often than the one before, and is suppressed as
 * {@link EqualityReport} does: the stage totals once, then each question over all roles and stages together. A
 * fingerprint of every Shown[] lets two runs (before and after a change) be compared for identical output.
 *
 * <pre>
 * mvn -o -q test-compile -pl functions/core
 * java [-Dreps=3] [-Dwarm=5] [-DperQuestion] -cp functions/core/target/classes:functions/core/target/test-classes \
 *     org.involve.core.equality.SuppressionProbe 6 20 50 100 200
 * </pre>
 */
public final class SuppressionProbe {
    private static final int THRESHOLD = 10, STAGES = Stage.values().length;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SuppressionProbe() {}

    public static void main(String[] args) {
        int[] sizes =
                args.length == 0
                        ? new int[] {6, 20, 50, 100}
                        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<Field> questions = MonitoringQuestions.section().fields();
        int ethnic = 0;
        for (int q = 0; q < questions.size(); q++)
            if (questions.get(q).name().equals("ethnicGroup")) ethnic = q;
        int reps = Integer.getInteger("reps", 3);
        int warmUps = Integer.getInteger("warm", 5); // 0: as a cold Lambda would first run it
        for (int warm = 0; warm < warmUps; warm++)
            run(programme(20, questions, warm), questions, ethnic, 1, false); // warm the JIT
        System.out.printf(
                "%6s %12s %12s %12s %12s  %s%n",
                "roles", "totals ms", "ethnic ms", "slowest q ms", "report ms", "fingerprint");
        for (int roles : sizes)
            run(programme(roles, questions, roles), questions, ethnic, reps, true);
    }

    /**
     * Suppresses the programme {@code reps} times and prints the quickest, in CPU time of this thread (the machine may
     * be busy with other work, which wall time would count).
     */
    private static void run(
            long[][][][] counts, List<Field> questions, int ethnic, int reps, boolean print) {
        int roles = counts.length;
        long totals = Long.MAX_VALUE, all = Long.MAX_VALUE, fingerprint = 0;
        long[] perQuestion = new long[questions.size()];
        Arrays.fill(perQuestion, Long.MAX_VALUE);
        for (int rep = 0; rep < reps; rep++) {
            long start = CPU.getCurrentThreadCpuTime();
            boolean[][] totalHidden = EqualityReport.totalsHidden(counts, roles, THRESHOLD);
            long totalsTook = CPU.getCurrentThreadCpuTime() - start, allTook = totalsTook;
            fingerprint = Arrays.deepHashCode(totalHidden);
            for (int q = 0; q < questions.size(); q++) {
                long[][][] perRole = new long[roles][][];
                for (int r = 0; r < roles; r++) perRole[r] = counts[r][q];
                long t0 = CPU.getCurrentThreadCpuTime();
                EqualityReport.Tables t =
                        EqualityReport.suppress(questions.get(q), perRole, totalHidden, THRESHOLD);
                long took = CPU.getCurrentThreadCpuTime() - t0;
                allTook += took;
                perQuestion[q] = Math.min(perQuestion[q], took);
                for (EqualityReport.Table table : t.roles())
                    fingerprint = 31 * fingerprint + fingerprint(table);
                fingerprint = 31 * fingerprint + fingerprint(t.programme());
            }
            totals = Math.min(totals, totalsTook);
            all = Math.min(all, allTook);
        }
        if (!print) return;
        if (System.getProperty("perQuestion") != null) {
            StringBuilder each = new StringBuilder("   per question ms:");
            for (int q = 0; q < questions.size(); q++)
                each.append(
                        String.format(" %s %.1f", questions.get(q).name(), perQuestion[q] / 1e6));
            System.out.println(each);
        }
        System.out.printf(
                "%6d %12.1f %12.1f %12.1f %12.1f  %016x%n",
                roles,
                totals / 1e6,
                perQuestion[ethnic] / 1e6,
                Arrays.stream(perQuestion).max().orElse(0) / 1e6,
                all / 1e6,
                fingerprint);
    }

    /** What a table shows, as a number that is the same from one JVM to the next (an enum's hash code is not). */
    private static long fingerprint(EqualityReport.Table t) {
        long f = 0;
        for (EqualityReport.Row row : t.rows())
            for (EqualityReport.Count c : row.byStage()) f = 31 * f + fingerprint(c);
        for (EqualityReport.Count c : t.totals()) f = 31 * f + fingerprint(c);
        return f;
    }

    private static long fingerprint(EqualityReport.Count c) {
        return 7 * c.number() + c.shown().ordinal();
    }

    /** counts[role][question][answer][stage] for made-up applicants, the same for the same seed. */
    static long[][][][] programme(int roles, List<Field> questions, long seed) {
        Random random = new Random(seed);
        long[][][][] counts = new long[roles][questions.size()][][];
        for (int r = 0; r < roles; r++) {
            for (int q = 0; q < questions.size(); q++)
                counts[r][q] = new long[questions.get(q).options().size()][STAGES];
            int applicants = 15 + random.nextInt(66);
            for (int a = 0; a < applicants; a++) {
                // applied; then shortlisted, interviewed, appointed, each less likely
                int reached = 1;
                if (random.nextDouble() < 0.4) reached++;
                if (reached == 2 && random.nextDouble() < 0.7) reached++;
                if (reached == 3 && random.nextDouble() < 0.25) reached++;
                for (int q = 0; q < questions.size(); q++) {
                    int option = skewed(random, questions.get(q).options().size());
                    for (int st = 0; st < reached; st++) counts[r][q][option][st]++;
                }
            }
        }
        return counts;
    }

    /** An answer index: the first answers common, the rest rarer and rarer; "Prefer not to say" (last) now and then. */
    private static int skewed(Random random, int options) {
        if (random.nextDouble() < 0.06) return options - 1;
        double total = 0;
        for (int i = 0; i < options - 1; i++) total += 1.0 / (i + 1);
        double pick = random.nextDouble() * total;
        for (int i = 0; i < options - 1; i++) {
            pick -= 1.0 / (i + 1);
            if (pick < 0) return i;
        }
        return options - 2;
    }
}
