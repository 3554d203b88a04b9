package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.involve.core.equality.EqualityReport.Table;
import org.involve.core.equality.Suppression.Shown;
import org.involve.core.kit.Field;
import org.involve.core.monitoring.MonitoringQuestions;
import org.junit.jupiter.api.Test;

/**
 * A programme of 100 roles, suppressed over all its roles and 4 stages at once as the equality report does, on the
 * question with 20 answers. In each role's column for a stage one answer is small (3), the next one along is the
 * smallest of the rest (11) and all others are 20 or more; which answers those are moves on by one from role to role
 * and stage to stage. So each small count takes its column's 11 with it (the column's total is shown), and nothing
 * else: 3 and 11 hidden together pin down neither, and each answer's programme count has ten hidden parts.
 */
class LargeProgrammeSuppressionTest {
    private static final int ROLES = 100, STAGES = Stage.values().length, THRESHOLD = 10;

    @Test
    void eachSmallCountTakesTheSmallestOtherCountInItsColumnWithItAndNothingElse() {
        Field question = question("ethnicGroup");
        int answers = question.options().size();
        assertEquals(20, answers);
        long[][][] perRole = new long[ROLES][answers][STAGES];
        for (int r = 0; r < ROLES; r++)
            for (int st = 0; st < STAGES; st++)
                for (int a = 0; a < answers; a++)
                    perRole[r][a][st] =
                            a == small(r, st, answers)
                                    ? 3
                                    : a == next(r, st, answers)
                                            ? 11
                                            : 20 + (r * 7 + a * 3 + st) % 5;
        long[][][][] counts = new long[ROLES][1][][];
        for (int r = 0; r < ROLES; r++) counts[r][0] = perRole[r];
        boolean[][] totalHidden = EqualityReport.totalsHidden(counts, ROLES, THRESHOLD);

        EqualityReport.Tables t =
                EqualityReport.suppress(question, perRole, totalHidden, THRESHOLD);

        for (int r = 0; r < ROLES; r++) {
            Table role = t.roles().get(r);
            for (int st = 0; st < STAGES; st++) {
                for (int a = 0; a < answers; a++) {
                    Shown expected =
                            a == small(r, st, answers)
                                    ? Shown.FEWER_THAN
                                    : a == next(r, st, answers) ? Shown.WITHHELD : Shown.NUMBER;
                    assertEquals(
                            expected,
                            role.rows().get(a).byStage().get(st).shown(),
                            "role " + r + ", answer " + a + ", stage " + st);
                }
                assertEquals(Shown.NUMBER, role.totals().get(st).shown(), "role " + r);
            }
        }
        for (int st = 0; st < STAGES; st++) {
            for (var row : t.programme().rows())
                assertEquals(Shown.NUMBER, row.byStage().get(st).shown(), row.label());
            assertEquals(Shown.NUMBER, t.programme().totals().get(st).shown());
        }
    }

    private static int small(int role, int stage, int answers) {
        return (role + stage) % answers;
    }

    private static int next(int role, int stage, int answers) {
        return (role + stage + 1) % answers;
    }

    private static Field question(String name) {
        return MonitoringQuestions.section().fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
