package org.involve.core.equality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.equality.EqualityReport.Count;
import org.involve.core.equality.EqualityReport.Report;
import org.involve.core.equality.EqualityReport.Table;
import org.involve.core.equality.Suppression.Shown;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryMonitoring;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class EqualityReportTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryRound round =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()),
                    outbox,
                    new InMemoryAuditTrail());
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length-for-links");
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final InMemoryMonitoring monitoring = new InMemoryMonitoring(keys, roles);
    private final MonitoringForm form = new MonitoringForm(monitoring, tokens, keys, roles);
    private final Role roleA = roles.save(TestRoles.dayRate(LocalDate.of(2026, 10, 1)));
    private final Role roleB = copyWithId(roleA, "second-role");
    private int applicants;

    private EqualityReport report(int threshold) {
        return new EqualityReport(roles, round, monitoring, keys, threshold);
    }

    /** The role under another id: the same programme. */
    private static Role copyWithId(Role r, String id) {
        try {
            RecordComponent[] c = Role.class.getRecordComponents();
            Object[] args = new Object[c.length];
            Class<?>[] types = new Class<?>[c.length];
            for (int i = 0; i < c.length; i++) {
                args[i] = c[i].getName().equals("id") ? id : c[i].getAccessor().invoke(r);
                types[i] = c[i].getType();
            }
            return Role.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code n} applicants to the role who reached {@code status} and gave this age band. */
    private void applicants(Role role, int n, Application.Status status, String ageBand) {
        for (int i = 0; i < n; i++) {
            String reference = "INV-TEST-" + (applicants++);
            Application a =
                    TestApplications.submitted(
                                    role,
                                    reference,
                                    NOW,
                                    Map.of("email", "person" + applicants + "@example.org"))
                            .after(status, Map.of());
            round.add(a);
            if (ageBand == null) continue;
            Map<String, String> answers = new HashMap<>();
            MonitoringQuestions.section()
                    .fields()
                    .forEach(f -> answers.put(f.name(), MonitoringQuestions.PREFER_NOT_TO_SAY));
            answers.put("ageBand", ageBand);
            // in these tests, sex follows age: 25 to 34 female, 45 to 54 male, others prefer not to
            // say
            if (ageBand.equals("25-to-34")) answers.put("sex", "female");
            if (ageBand.equals("45-to-54")) answers.put("sex", "male");
            assertTrue(
                    form.submit(tokens.forApplication(role.id(), reference), role.id(), answers)
                            instanceof MonitoringForm.Result.Recorded);
        }
    }

    private static Table ageBand(Report r) {
        return question(r, "ageBand");
    }

    private static Table question(Report r, String name) {
        return r.tables().stream().filter(t -> t.question().equals(name)).findFirst().orElseThrow();
    }

    private static Count cell(Table t, String label, Stage stage) {
        return t.rows().stream()
                .filter(r -> r.label().equals(label))
                .findFirst()
                .orElseThrow()
                .byStage()
                .get(stage.ordinal());
    }

    private void aRound() {
        applicants(roleA, 14, Application.Status.NOT_SHORTLISTED, "25-to-34");
        applicants(roleA, 12, Application.Status.APPOINTED, "25-to-34");
        applicants(roleA, 3, Application.Status.NOT_SHORTLISTED, "35-to-44");
        applicants(roleA, 4, Application.Status.NOT_APPOINTED, "35-to-44");
        applicants(roleA, 11, Application.Status.NOT_SHORTLISTED, "45-to-54");
        applicants(roleA, 5, Application.Status.RECEIVED, null); // no monitoring answers
    }

    @Test
    void eachAnswerIsCountedAtEveryStageTheApplicantReachedAndSmallCountsAreNotShown() {
        aRound();
        Table t = ageBand(report(10).forRole(TestStaff.STAFF, roleA.id()));
        assertEquals(new Count(Shown.NUMBER, 26), cell(t, "25 to 34", Stage.APPLIED));
        assertEquals(new Count(Shown.NUMBER, 12), cell(t, "25 to 34", Stage.SHORTLISTED));
        // Everyone appointed is 25 to 34: 12 beside a total of 12 would say that nobody appointed
        // is of any other age.
        assertEquals(Shown.WITHHELD, cell(t, "25 to 34", Stage.APPOINTED).shown());
        assertEquals(new Count(Shown.NUMBER, 12), t.totals().get(Stage.APPOINTED.ordinal()));
        assertEquals(new Count(Shown.NUMBER, 11), cell(t, "45 to 54", Stage.APPLIED));
        Count seven = cell(t, "35 to 44", Stage.APPLIED);
        assertEquals(Shown.FEWER_THAN, seven.shown());
        assertEquals(-1, seven.number(), "a hidden count carries no number to any page");
        assertEquals("not shown", seven.text());
        assertEquals(
                new Count(Shown.NUMBER, 44),
                t.totals().get(Stage.APPLIED.ordinal()),
                "44 answered of 49");
        assertEquals(new Count(Shown.NUMBER, 16), t.totals().get(Stage.SHORTLISTED.ordinal()));
        assertEquals(Shown.FEWER_THAN, cell(t, "35 to 44", Stage.SHORTLISTED).shown());
        assertEquals(new Count(Shown.NUMBER, 12), cell(t, "25 to 34", Stage.SHORTLISTED));
    }

    @Test
    void aCountThatWouldGiveAwayASmallOneIsWithheld() {
        aRound();
        Table sex = question(report(10).forRole(TestStaff.STAFF, roleA.id()), "sex");
        // 44 answered: 26 female, 11 male, 7 preferred not to say. With 26 and 11 shown, 44 - 26 -
        // 11 = 7 would
        // give the small count away, so the next smallest (11) is withheld too.
        assertEquals(new Count(Shown.NUMBER, 26), cell(sex, "Female", Stage.APPLIED));
        assertEquals(Shown.FEWER_THAN, cell(sex, "Prefer not to say", Stage.APPLIED).shown());
        assertEquals(Shown.WITHHELD, cell(sex, "Male", Stage.APPLIED).shown());
        assertEquals(-1, cell(sex, "Male", Stage.APPLIED).number());
        assertEquals(
                "not shown",
                cell(sex, "Male", Stage.APPLIED).text(),
                "said as a small count is, so it cannot be told from one");
        assertEquals(new Count(Shown.NUMBER, 44), sex.totals().get(Stage.APPLIED.ordinal()));
    }

    /** The questions are voluntary: an applicant who skipped them all is counted, each with "Prefer not to say". */
    @Test
    void skippedQuestionsAreCountedAsPreferNotToSay() {
        for (int i = 0; i < 12; i++) {
            String reference = "INV-SKIP-" + i;
            round.add(
                    TestApplications.submitted(
                            roleA,
                            reference,
                            NOW,
                            Map.of("email", "skipper" + i + "@example.org")));
            assertTrue(
                    form.submit(tokens.forApplication(roleA.id(), reference), roleA.id(), Map.of())
                            instanceof MonitoringForm.Result.Recorded);
        }
        // and 3 who gave the first answer to every question, so that "Prefer not to say" is not
        // everyone (which would
        // give away that nobody gave any other answer, and be withheld)
        Map<String, String> first = new HashMap<>();
        MonitoringQuestions.section()
                .fields()
                .forEach(f -> first.put(f.name(), f.options().get(0).value()));
        for (int i = 0; i < 3; i++) {
            String reference = "INV-FIRST-" + i;
            round.add(
                    TestApplications.submitted(
                            roleA, reference, NOW, Map.of("email", "first" + i + "@example.org")));
            assertTrue(
                    form.submit(tokens.forApplication(roleA.id(), reference), roleA.id(), first)
                            instanceof MonitoringForm.Result.Recorded);
        }
        Report r = report(10).forRole(TestStaff.STAFF, roleA.id());
        for (Table t : r.tables()) {
            assertEquals(
                    new Count(Shown.NUMBER, 12),
                    cell(t, "Prefer not to say", Stage.APPLIED),
                    t.question());
            assertEquals(new Count(Shown.NUMBER, 15), t.totals().get(Stage.APPLIED.ordinal()));
        }
    }

    @Test
    void theThresholdIsASetting() {
        aRound();
        assertEquals(
                new Count(Shown.NUMBER, 26),
                cell(
                        ageBand(report(10).forRole(TestStaff.STAFF, roleA.id())),
                        "25 to 34",
                        Stage.APPLIED));
        assertEquals(
                Shown.FEWER_THAN,
                cell(
                                ageBand(report(27).forRole(TestStaff.STAFF, roleA.id())),
                                "25 to 34",
                                Stage.APPLIED)
                        .shown());
    }

    @Test
    void noReportPageShowsANumberUnderTheThresholdOrALoneHiddenCountInAColumn() {
        roles.save(roleB);
        aRound();
        applicants(roleB, 9, Application.Status.APPOINTED, "25-to-34");
        applicants(roleB, 30, Application.Status.NOT_SHORTLISTED, "35-to-44");
        EqualityReport report = report(10);
        List<Report> pages = new ArrayList<>();
        pages.add(report.forRole(TestStaff.STAFF, roleA.id()));
        pages.add(report.forRole(TestStaff.STAFF, roleB.id()));
        pages.add(report.forProgramme(TestStaff.STAFF, roleA.id()));
        for (Report page : pages)
            for (Table t : page.tables())
                for (int st = 0; st < Stage.values().length; st++) {
                    int hidden = 0;
                    Shown lone = null;
                    for (var row : t.rows()) {
                        Count c = row.byStage().get(st);
                        if (c.shown() == Shown.NUMBER) assertFalse(c.number() < 10, t.question());
                        else {
                            hidden++;
                            lone = c.shown();
                        }
                    }
                    // a small count alone hidden in its column would be the total less the others
                    if (t.totals().get(st).shown() == Shown.NUMBER && hidden == 1)
                        assertEquals(Shown.WITHHELD, lone, t.question() + " " + Stage.values()[st]);
                }
        // The programme's count of people aged 25 to 34 who applied is 35 = 26 + 9: shown beside
        // role A's 26, it
        // would give away role B's 9; so one of them is withheld.
        assertEquals(
                Shown.FEWER_THAN, cell(ageBand(pages.get(1)), "25 to 34", Stage.APPLIED).shown());
        assertTrue(
                cell(ageBand(pages.get(0)), "25 to 34", Stage.APPLIED).shown() == Shown.WITHHELD
                        || cell(ageBand(pages.get(2)), "25 to 34", Stage.APPLIED).shown()
                                == Shown.WITHHELD);
    }

    /**
     * Everyone appointed to role A is 25 to 34 and female, and all 10 who applied for role B are female: the hidden
     * counts beside them are 0. Neither may be worked out by someone reading one column of a page, who knows that no
     * count is below 0 and whatever the words for hidden counts tell them.
     */
    @Test
    void noHiddenCountCanBeWorkedOutFromItsColumnOnTheWordsAPageUses() {
        roles.save(roleB);
        aRound();
        applicants(roleB, 10, Application.Status.NOT_SHORTLISTED, "25-to-34");
        EqualityReport report = report(10);
        List<Report> pages =
                List.of(
                        report.forRole(TestStaff.STAFF, roleA.id()),
                        report.forRole(TestStaff.STAFF, roleB.id()),
                        report.forProgramme(TestStaff.STAFF, roleA.id()));
        String small = new Count(Shown.FEWER_THAN, -1).text(),
                withheld = new Count(Shown.WITHHELD, -1).text();
        int checked = 0;
        for (Report page : pages)
            for (Table t : page.tables())
                for (int st = 0; st < Stage.values().length; st++) {
                    Count total = t.totals().get(st);
                    if (total.shown() != Shown.NUMBER) continue;
                    // what a reader knows of each hidden count in the column: its lowest and
                    // highest value
                    List<long[]> hidden = new ArrayList<>();
                    List<Shown> kinds = new ArrayList<>();
                    long rest = total.number();
                    for (var row : t.rows()) {
                        Count c = row.byStage().get(st);
                        if (c.shown() == Shown.NUMBER) rest -= c.number();
                        else {
                            boolean toldApart = !small.equals(withheld);
                            long lo = toldApart && c.text().equals(withheld) ? 10 : 0;
                            long hi = toldApart && c.text().equals(small) ? 9 : total.number();
                            hidden.add(new long[] {lo, hi});
                            kinds.add(c.shown());
                        }
                    }
                    for (int i = 0; i < hidden.size(); i++) {
                        if (kinds.get(i) != Shown.FEWER_THAN) continue;
                        long othersLo = 0, othersHi = 0;
                        for (int j = 0; j < hidden.size(); j++)
                            if (j != i) {
                                othersLo += hidden.get(j)[0];
                                othersHi += hidden.get(j)[1];
                            }
                        long lo = Math.max(hidden.get(i)[0], rest - othersHi),
                                hi = Math.min(hidden.get(i)[1], rest - othersLo);
                        checked++;
                        assertTrue(
                                lo < hi,
                                page.title()
                                        + ", "
                                        + t.question()
                                        + ", "
                                        + Stage.values()[st]
                                        + ": a hidden count can only be "
                                        + lo);
                    }
                }
        assertTrue(checked > 50, "the columns checked hold hidden small counts: " + checked);
    }

    @Test
    void answersKeptUnderAnotherKeyAreNotCounted() {
        applicants(roleA, 12, Application.Status.RECEIVED, "25-to-34");
        MonitoringKey other =
                new MonitoringKey("someone-else-with-only-the-signing-key-00", tokens);
        new MonitoringForm(monitoring, tokens, other, roles)
                .submit(
                        tokens.forApplication(roleA.id(), "INV-TEST-0"),
                        roleA.id(),
                        Map.of("ageBand", "16-to-24"));
        Table t = ageBand(report(10).forRole(TestStaff.STAFF, roleA.id()));
        assertEquals(new Count(Shown.NUMBER, 12), t.totals().get(Stage.APPLIED.ordinal()));
    }

    @Test
    void onlyStaffWithTheMonitoringReportsPermissionSeeIt() {
        roles.save(roleB);
        assertThrows(AccessDenied.class, () -> report(10).forRole(TestStaff.PANEL_A, roleA.id()));
        assertThrows(AccessDenied.class, () -> report(10).programmes(TestStaff.PANEL_A));
        assertThrows(
                EqualityReport.RoleNotFound.class,
                () -> report(10).forRole(TestStaff.STAFF, "no-such-role"));
        assertEquals(
                List.of(roleA.id(), roleB.id()),
                report(10).programmes(TestStaff.STAFF).get(0).roles().stream()
                        .map(Role::id)
                        .toList());
    }

    @Test
    void aRoleWhoseAnswersRetentionDeletedSaysSoOnItsPageAndTheProgrammes() {
        roles.save(roleB);
        aRound();
        applicants(roleB, 12, Application.Status.APPOINTED, "25-to-34");
        monitoring.deleteRole(roleB.id(), LocalDate.of(2027, 11, 2));
        EqualityReport report = report(10);

        Report b = report.forRole(TestStaff.STAFF, roleB.id());
        assertEquals(List.of(roleB), b.rolesWithAnswersDeleted());
        assertEquals(LocalDate.of(2027, 11, 2), b.answersDeletedOn(roleB));
        // Nobody is counted any more (0, under the threshold like any small count).
        assertEquals(Shown.FEWER_THAN, ageBand(b).totals().get(Stage.APPLIED.ordinal()).shown());

        assertEquals(
                List.of(), report.forRole(TestStaff.STAFF, roleA.id()).rolesWithAnswersDeleted());
        assertEquals(
                List.of(roleB),
                report.forProgramme(TestStaff.STAFF, roleA.id()).rolesWithAnswersDeleted());
    }
}
