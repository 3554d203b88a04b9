package org.involve.core.equality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.equality.Suppression.Shown;
import org.involve.core.kit.Field;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The equality report: for a role, or for every role of its programme, how people answered each equal-opportunities
 * question at each stage (applied, shortlisted, interviewed, appointed), so staff can see who is missing, and where.
 * Answers are found by working out each application's answer key ({@link MonitoringKey}); nothing else joins them.
 *
 * <p>Small numbers are suppressed ({@link Suppression}) over a whole programme at once: its roles' tables and the
 * programme's table are one set of published sums (a programme's count is the sum of its roles' counts), so no count
 * hidden on a role's page can be worked out from the programme's page, or the other way round. The stage totals are the
 * same on every question's table, so which of them are hidden is decided once, from the totals alone, and no
 * question's table withholds any other total.
 */
public final class EqualityReport {
    private static final Words WORDS = Words.of("equality");
    private final RoleReader roles;
    private final RoundApplications applications;
    private final MonitoringAnswers answers;
    private final MonitoringKey keys;
    private final int threshold;

    /** @param threshold counts below it are not shown (MONITORING_SUPPRESSION_THRESHOLD) */
    public EqualityReport(
            RoleReader roles,
            RoundApplications applications,
            MonitoringAnswers answers,
            MonitoringKey keys,
            int threshold) {
        if (threshold < 1) throw new IllegalArgumentException("The threshold must be at least 1");
        this.roles = roles;
        this.applications = applications;
        this.answers = answers;
        this.keys = keys;
        this.threshold = threshold;
    }

    /** Thrown for a role that does not exist. */
    public static final class RoleNotFound extends NotFound {
        public RoleNotFound() {
            super("No such role");
        }
    }

    /** A count as it may be shown: its number only when {@link Shown#NUMBER}, otherwise no number at all. */
    public record Count(Shown shown, long number) {
        static Count of(long value, Shown shown) {
            return new Count(shown, shown == Shown.NUMBER ? value : -1);
        }

        /**
         * The count in words: the number, or "not shown" for every hidden count, small or withheld alike. Were a
         * withheld count told apart, a reader would know it is at least the threshold, and a column of "withheld" and
         * "fewer than 10" adding up to 10 would give both away (10 and 0).
         */
        public String text() {
            return shown == Shown.NUMBER ? String.valueOf(number) : WORDS.get("count.notShown");
        }
    }

    /** One answer's counts, by stage in {@link Stage} order. */
    public record Row(String label, List<Count> byStage) {}

    /** One question's table: a row for each answer and the people who answered, by stage. */
    public record Table(String question, String label, List<Row> rows, List<Count> totals) {}

    /**
     * A report: for one role, or (role null) for the programme. {@code answersDeleted}: the roles of the programme
     * whose answers the retention job has deleted, with the UK day (nobody who applied for them is counted any more).
     */
    public record Report(
            Role role,
            String programme,
            List<Role> roles,
            List<Table> tables,
            int threshold,
            Map<String, LocalDate> answersDeleted) {
        public Report {
            answersDeleted = Map.copyOf(answersDeleted);
        }

        public String title() {
            return role == null ? programme : role.title();
        }

        /** The roles this report covers whose answers have been deleted, in the order listed. */
        public List<Role> rolesWithAnswersDeleted() {
            List<Role> covered = role == null ? roles : List.of(role);
            return covered.stream().filter(r -> answersDeleted.containsKey(r.id())).toList();
        }

        /** The UK day the role's answers were deleted. */
        public LocalDate answersDeletedOn(Role r) {
            return answersDeleted.get(r.id());
        }

        public List<Stage> stages() {
            return List.of(Stage.values());
        }
    }

    /** A programme and its roles, for the report's index. */
    public record Programme(String name, List<Role> roles) {}

    public int threshold() {
        return threshold;
    }

    /** Every programme with its roles, in the order roles are listed. */
    public List<Programme> programmes(StaffMember who) {
        who.require(Permission.VIEW_MONITORING_REPORTS);
        Map<String, List<Role>> by = new LinkedHashMap<>();
        for (Role r : roles.all()) by.computeIfAbsent(r.programme(), p -> new ArrayList<>()).add(r);
        return by.entrySet().stream().map(e -> new Programme(e.getKey(), e.getValue())).toList();
    }

    public Report forRole(StaffMember who, String roleId) {
        who.require(Permission.VIEW_MONITORING_REPORTS);
        Role role = roles.find(roleId, Read.EVENTUAL).orElseThrow(RoleNotFound::new);
        Computed c = compute(role.programme());
        return new Report(
                role,
                role.programme(),
                c.roles,
                c.byRole.get(role.id()),
                threshold,
                c.answersDeleted);
    }

    /** The report for the programme the role is part of. */
    public Report forProgramme(StaffMember who, String roleId) {
        who.require(Permission.VIEW_MONITORING_REPORTS);
        Role role = roles.find(roleId, Read.EVENTUAL).orElseThrow(RoleNotFound::new);
        Computed c = compute(role.programme());
        return new Report(
                null, role.programme(), c.roles, c.programme, threshold, c.answersDeleted);
    }

    private record Computed(
            List<Role> roles,
            Map<String, List<Table>> byRole,
            List<Table> programme,
            Map<String, LocalDate> answersDeleted) {}

    private Computed compute(String programme) {
        List<Role> inProgramme =
                roles.all().stream().filter(r -> programme.equals(r.programme())).toList();
        List<Field> questions = MonitoringQuestions.section().fields();
        int roleCount = inProgramme.size(), stages = Stage.values().length;
        long[][][][] counts = new long[roleCount][questions.size()][][];
        for (int r = 0; r < roleCount; r++) {
            for (int q = 0; q < questions.size(); q++)
                counts[r][q] = new long[questions.get(q).options().size()][stages];
            countRole(inProgramme.get(r).id(), questions, counts[r]);
        }
        Map<String, List<Table>> byRole = new LinkedHashMap<>();
        inProgramme.forEach(r -> byRole.put(r.id(), new ArrayList<>()));
        List<Table> whole = new ArrayList<>();
        boolean[][] totalHidden = totalsHidden(counts, roleCount, threshold);
        for (int q = 0; q < questions.size(); q++) {
            Field question = questions.get(q);
            long[][][] perRole = new long[roleCount][][];
            for (int r = 0; r < roleCount; r++) perRole[r] = counts[r][q];
            Tables t = suppress(question, perRole, totalHidden, threshold);
            for (int r = 0; r < roleCount; r++)
                byRole.get(inProgramme.get(r).id()).add(t.roles.get(r));
            whole.add(t.programme);
        }
        Map<String, LocalDate> deleted = new LinkedHashMap<>();
        for (Role r : inProgramme) answers.deletedOn(r.id()).ifPresent(d -> deleted.put(r.id(), d));
        return new Computed(inProgramme, byRole, whole, deleted);
    }

    /** Adds each answered application of the role to counts[question][answer][stage]. */
    private void countRole(String roleId, List<Field> questions, long[][][] counts) {
        Map<String, Map<String, String>> given = answers.forRole(roleId);
        for (Application app : applications.forRole(roleId)) {
            Map<String, String> a = given.get(keys.forApplication(roleId, app.reference()));
            if (a == null) continue;
            for (int q = 0; q < questions.size(); q++) {
                int option = optionIndex(questions.get(q), a.get(questions.get(q).name()));
                for (Stage s : Stage.values())
                    if (s.reachedBy(app)) counts[q][option][s.ordinal()]++;
            }
        }
    }

    /** The answer's row; an answer missing or no longer offered counts as "Prefer not to say". */
    private static int optionIndex(Field question, String value) {
        List<Field.Option> options = question.options();
        int preferNot = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).value().equals(value)) return i;
            if (options.get(i).value().equals(MonitoringQuestions.PREFER_NOT_TO_SAY)) preferNot = i;
        }
        return preferNot;
    }

    record Tables(List<Table> roles, Table programme) {}

    /**
     * Which stage totals are hidden, roles' first then the programme's (at index roleCount): decided once, on the totals
     * alone (the programme's being the sum of its roles'), because every question's table repeats them.
     */
    static boolean[][] totalsHidden(long[][][][] counts, int roleCount, int threshold) {
        int stages = Stage.values().length;
        Suppression s = new Suppression();
        int[][] id = new int[roleCount + 1][stages];
        for (int st = 0; st < stages; st++) {
            long all = 0;
            List<Integer> parts = new ArrayList<>();
            for (int r = 0; r < roleCount; r++) {
                long t = sumOf(counts[r][0], st);
                all += t;
                id[r][st] = s.count(t, false);
                parts.add(id[r][st]);
            }
            id[roleCount][st] = s.count(all, false);
            s.sum(id[roleCount][st], parts);
        }
        Shown[] shown = s.apply(threshold);
        boolean[][] hidden = new boolean[roleCount + 1][stages];
        for (int r = 0; r <= roleCount; r++)
            for (int st = 0; st < stages; st++) hidden[r][st] = shown[id[r][st]] != Shown.NUMBER;
        return hidden;
    }

    /** One question over the programme: every role's counts and the programme's, suppressed together. */
    static Tables suppress(
            Field question, long[][][] perRole, boolean[][] totalHidden, int threshold) {
        int roleCount = perRole.length, options = question.options().size();
        int stages = Stage.values().length;
        Suppression s = new Suppression();
        long[][] whole = new long[options][stages];
        int[][][] cell = new int[roleCount][options][stages];
        int[][] total = new int[roleCount][stages];
        for (int r = 0; r < roleCount; r++)
            for (int st = 0; st < stages; st++) {
                List<Integer> parts = new ArrayList<>();
                long sum = 0;
                for (int o = 0; o < options; o++) {
                    cell[r][o][st] = s.count(perRole[r][o][st], false);
                    parts.add(cell[r][o][st]);
                    sum += perRole[r][o][st];
                    whole[o][st] += perRole[r][o][st];
                }
                total[r][st] = s.count(sum, true);
                if (totalHidden[r][st]) s.hide(total[r][st]);
                s.sum(total[r][st], parts);
            }
        int[][] wholeCell = new int[options][stages];
        int[] wholeTotal = new int[stages];
        for (int st = 0; st < stages; st++) {
            List<Integer> parts = new ArrayList<>();
            long sum = 0;
            for (int o = 0; o < options; o++) {
                wholeCell[o][st] = s.count(whole[o][st], false);
                parts.add(wholeCell[o][st]);
                sum += whole[o][st];
                List<Integer> roleParts = new ArrayList<>();
                for (int r = 0; r < roleCount; r++) roleParts.add(cell[r][o][st]);
                s.sum(wholeCell[o][st], roleParts);
            }
            wholeTotal[st] = s.count(sum, true);
            if (totalHidden[roleCount][st]) s.hide(wholeTotal[st]);
            s.sum(wholeTotal[st], parts);
        }
        Shown[] shown = s.apply(threshold);
        List<Table> roleTables = new ArrayList<>();
        for (int r = 0; r < roleCount; r++) {
            final int rr = r;
            roleTables.add(
                    table(
                            question,
                            (o, st) -> Count.of(perRole[rr][o][st], shown[cell[rr][o][st]]),
                            st -> Count.of(sumOf(perRole[rr], st), shown[total[rr][st]])));
        }
        Table programme =
                table(
                        question,
                        (o, st) -> Count.of(whole[o][st], shown[wholeCell[o][st]]),
                        st -> Count.of(sumOf(whole, st), shown[wholeTotal[st]]));
        return new Tables(roleTables, programme);
    }

    private static long sumOf(long[][] counts, int stage) {
        long sum = 0;
        for (long[] row : counts) sum += row[stage];
        return sum;
    }

    private interface CellAt {
        Count at(int option, int stage);
    }

    private interface TotalAt {
        Count at(int stage);
    }

    private static Table table(Field question, CellAt cells, TotalAt totals) {
        int stages = Stage.values().length;
        List<Row> rows = new ArrayList<>();
        for (int o = 0; o < question.options().size(); o++) {
            List<Count> byStage = new ArrayList<>();
            for (int st = 0; st < stages; st++) byStage.add(cells.at(o, st));
            rows.add(new Row(question.options().get(o).label(), byStage));
        }
        List<Count> t = new ArrayList<>();
        for (int st = 0; st < stages; st++) t.add(totals.at(st));
        return new Table(question.name(), question.label(), rows, t);
    }
}
