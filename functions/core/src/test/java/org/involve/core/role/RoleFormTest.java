package org.involve.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

class RoleFormTest {
    static Map<String, String> valid() {
        Map<String, String> v = new HashMap<>(RoleForm.defaults());
        v.putAll(
                Map.of(
                        RoleForm.TITLE,
                        "Community voices partner",
                        RoleForm.PROGRAMME,
                        "Community voices group",
                        RoleForm.ORGANISATION,
                        "Example NHS Trust",
                        RoleForm.SUMMARY,
                        "Help us hear from communities.",
                        RoleForm.DOES,
                        "Join a monthly meeting\n\n- Review plans with us\n",
                        RoleForm.LOOKING_FOR,
                        "People with lived experience",
                        RoleForm.CRITERIA,
                        "E: You listen to different points of view\nd: You draw on community networks",
                        RoleForm.MEETINGS,
                        "Monthly 1-hour meeting",
                        RoleForm.TIME_ASKED,
                        "Up to 4 hours a month"));
        v.putAll(
                Map.of(
                        "closingDate-day",
                        "20",
                        "closingDate-month",
                        "2",
                        "closingDate-year",
                        "2025",
                        "interviewWeek-day",
                        "10",
                        "interviewWeek-month",
                        "3",
                        "interviewWeek-year",
                        "2025"));
        v.putAll(
                Map.of(
                        RoleForm.PAYMENT,
                        "DAY_RATE",
                        RoleForm.FULL_DAY,
                        "£150",
                        RoleForm.HALF_DAY,
                        "75.50",
                        RoleForm.CONTACT_NAME,
                        "Involvement team",
                        RoleForm.CONTACT_EMAIL,
                        "Involvement@Example.org",
                        RoleForm.TEAM_EMAIL,
                        "team@example.org",
                        RoleForm.BENEFITS_EMAIL,
                        "benefits@example.org"));
        return v;
    }

    private static Role role(Map<String, String> posted) {
        return assertInstanceOf(
                        RoleForm.Valid.class,
                        RoleForm.read(posted, null, "community-voices-partner"))
                .role();
    }

    private static Map<String, String> errors(Map<String, String> posted) {
        return assertInstanceOf(RoleForm.Invalid.class, RoleForm.read(posted, null, "x"))
                .errors()
                .asMap();
    }

    @Test
    void aCompleteFormMakesADraftRoleWithEveryProperty() {
        Role r = role(valid());
        assertEquals(RoleStatus.DRAFT, r.status());
        assertEquals(
                List.of("Join a monthly meeting", "Review plans with us"), r.whatTheRoleDoes());
        assertEquals(LocalDate.of(2025, 2, 20), r.closingDate());
        assertEquals(LocalDate.of(2025, 3, 10), r.interviewWeekCommencing());
        assertEquals(PaymentModel.Kind.DAY_RATE, r.payment().kind());
        assertEquals(15000, r.payment().fullDayPence());
        assertEquals(7550, r.payment().halfDayPence());
        assertEquals(240, r.payment().fullDayMinimumMinutes());
        assertEquals(new Tenure(2, 2, 1, 4, null), r.tenure());
        assertEquals(new EligibilityPolicy(false, 3), r.eligibility());
        assertEquals("involvement@example.org", r.contact().email());
        assertEquals(
                List.of(true, false), r.criteria().stream().map(Criterion::essential).toList());
        assertEquals(2, r.referencesRequired());
        assertEquals(5, r.acknowledgementDays());
        assertEquals(80, r.commitment().minimumAttendancePercent());
    }

    @Test
    void aRoleReadsBackFromItsOwnValuesUnchanged() {
        // Closing Saturday 15 February 2025, so interviews (30 days on) are the week commencing
        // Monday 17 March.
        Role scg = TestRoles.dayRate(LocalDate.of(2025, 2, 15));
        assertEquals(
                scg,
                assertInstanceOf(
                                RoleForm.Valid.class,
                                RoleForm.read(RoleForm.valuesOf(scg), scg, scg.id()))
                        .role());
    }

    @Test
    void differencesListWhatWasEnteredThatTheRoleNowDoesNotSay() {
        Role scg = TestRoles.dayRate(LocalDate.of(2025, 2, 15));
        Map<String, String> now = RoleForm.valuesOf(scg);
        Map<String, String> entered = new HashMap<>(now);
        entered.put(
                RoleForm.SUMMARY, "  " + now.get(RoleForm.SUMMARY).replace("\n", "\r\n") + "\n");
        assertEquals(List.of(), RoleForm.differences(now, entered), "spacing is no difference");

        entered.put(RoleForm.TITLE, "A new title");
        entered.put(RoleForm.INTERVIEW_WEEK + "-day", "24");
        entered.put(RoleForm.PAYMENT, "UNPAID");
        entered.put(RoleForm.PLACES_NOTE, "");
        List<RoleForm.Difference> differences = RoleForm.differences(now, entered);
        assertEquals(
                new RoleForm.Difference("Title", scg.title(), "A new title"), differences.get(0));
        assertTrue(
                differences.stream()
                        .anyMatch(
                                d ->
                                        d.entered().equals("24/3/2025")
                                                && d.now().equals("17/3/2025")),
                differences.toString());
        assertTrue(
                differences.stream()
                        .anyMatch(
                                d ->
                                        d.question().equals("How is the role paid?")
                                                && d.now().equals("A day rate (full and half days)")
                                                && d.entered().equals("Unpaid (voluntary)")),
                differences.toString());
        assertEquals(
                scg.placesNote() == null || scg.placesNote().isBlank() ? 3 : 4, differences.size());
    }

    @Test
    void editingKeepsTheIdsOfUnchangedCriteriaSoAnswersStayWithThem() {
        Role before = role(valid());
        Map<String, String> posted = valid();
        posted.put(
                RoleForm.CRITERIA,
                "E: A new first criterion\nE: You listen to different points of view");
        Role after =
                assertInstanceOf(RoleForm.Valid.class, RoleForm.read(posted, before, before.id()))
                        .role();
        assertEquals(before.criteria().get(0).id(), after.criteria().get(1).id());
        assertTrue(after.criteria().stream().map(Criterion::id).distinct().count() == 2);
    }

    @Test
    void problemsAreListedInPageOrderInPlainWords() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.TITLE, "");
        posted.put(RoleForm.CRITERIA, "D: Only desirable");
        posted.put("closingDate-day", "31");
        posted.put(RoleForm.FULL_DAY, "lots");
        posted.put(RoleForm.CONTACT_EMAIL, "not-an-email");
        Map<String, String> e = errors(posted);
        assertEquals(
                List.of(
                        RoleForm.TITLE,
                        RoleForm.CRITERIA,
                        "closingDate-day",
                        RoleForm.FULL_DAY,
                        RoleForm.CONTACT_EMAIL),
                List.copyOf(e.keySet()));
        assertEquals("Enter the role's title", e.get(RoleForm.TITLE));
        assertEquals(
                "Enter at least one essential criterion, starting E:", e.get(RoleForm.CRITERIA));
        assertEquals("Closing date must be a real date, like 8 12 2025", e.get("closingDate-day"));
    }

    @Test
    void eachDateIsReadAsEveryDateIs() {
        for (var date :
                List.of(
                        List.of("closingDate", "Closing date", LocalDate.of(2025, 2, 21)),
                        List.of("interviewWeek", "Interview week", LocalDate.of(2025, 3, 17)),
                        List.of("reviewDate", "Review date", LocalDate.of(2026, 3, 31)))) {
            String name = (String) date.get(0), label = (String) date.get(1);
            DateCases.check(
                    (d, m, y) -> {
                        Map<String, String> posted = valid();
                        posted.putAll(
                                Map.of(name + "-day", d, name + "-month", m, name + "-year", y));
                        return RoleForm.read(posted, null, "x") instanceof RoleForm.Invalid bad
                                ? bad.errors().asMap()
                                : Map.of();
                    },
                    name,
                    label + " must include {parts}",
                    label + " must be a real date, like 8 12 2025",
                    (LocalDate) date.get(2));
        }
    }

    @Test
    void aDateOnlyPartlyGivenIsListedInPageOrderAndStandsForTheRulesThatNeedIt() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.TITLE, "");
        posted.put("closingDate-month", "");
        posted.put(RoleForm.CONTACT_EMAIL, "not-an-email");
        posted.put(RoleForm.INITIAL_YEARS, "0");
        posted.putAll(
                Map.of("reviewDate-day", "31", "reviewDate-month", "3", "reviewDate-year", ""));
        Map<String, String> e = errors(posted);
        assertEquals(
                List.of(
                        RoleForm.TITLE,
                        "closingDate-month",
                        "reviewDate-year",
                        RoleForm.CONTACT_EMAIL),
                List.copyOf(e.keySet()),
                "no 'a first term or a review date' on top of the review date's own error");
        assertEquals("Closing date must include a month", e.get("closingDate-month"));
        assertEquals("Review date must include a year", e.get("reviewDate-year"));
    }

    @Test
    void criteriaMustSayWhetherTheyAreEssential() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.CRITERIA, "E: Fine\nYou draw on networks");
        assertTrue(
                errors(posted)
                        .get(RoleForm.CRITERIA)
                        .startsWith(
                                "Start each criterion with E: for essential or D: for desirable"));
    }

    @Test
    void theInterviewWeekCommencesOnAMonday() {
        Map<String, String> posted = valid();
        posted.put("interviewWeek-day", "13"); // Thursday 13 March 2025
        assertEquals(
                "The week commencing date must be a Monday",
                errors(posted).get("interviewWeek-day"));
        posted.put("interviewWeek-day", "16"); // Sunday
        assertEquals(
                "The week commencing date must be a Monday",
                errors(posted).get("interviewWeek-day"));
        posted.put("interviewWeek-day", "17"); // Monday
        assertEquals(LocalDate.of(2025, 3, 17), role(posted).interviewWeekCommencing());
    }

    @Test
    void interviewsComeAfterTheClosingDate() {
        Map<String, String> posted = valid();
        posted.put("interviewWeek-month", "1");
        assertEquals(
                "Interview week must be after the closing date",
                errors(posted).get("interviewWeek-day"));
    }

    @Test
    void priorityPlacesNeedCommunitiesAndFitThePlaces() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.PRIORITY_PLACES, "2");
        posted.put(RoleForm.PLACES, "1");
        Map<String, String> e = errors(posted);
        assertEquals(
                "Places for priority communities must be no more than the number of places",
                e.get(RoleForm.PRIORITY_PLACES));
        assertEquals(
                "Enter the priority communities, one a line, or set their places to 0",
                e.get(RoleForm.PRIORITY_COMMUNITIES));
    }

    @Test
    void tenureCannotPassFourYearsAndNeedsATermOrAReviewDate() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.MAX_YEARS, "5");
        assertEquals(
                "Most time anyone can hold the role (years) must be between 1 and 4",
                errors(posted).get(RoleForm.MAX_YEARS));
        posted = valid();
        posted.put(RoleForm.INITIAL_YEARS, "0");
        assertEquals(
                "Enter a first term in years, or a review date",
                errors(posted).get(RoleForm.INITIAL_YEARS));
        posted.putAll(
                Map.of("reviewDate-day", "31", "reviewDate-month", "3", "reviewDate-year", "2026"));
        assertEquals(LocalDate.of(2026, 3, 31), role(posted).tenure().reviewDate());
    }

    @Test
    void paidRolesNeedTheirAmountsAndTheBenefitsAdviceAddress() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.PAYMENT, "MONTHLY_FIXED");
        posted.put(RoleForm.BENEFITS_EMAIL, "");
        Map<String, String> e = errors(posted);
        assertEquals("Enter the monthly amount in pounds", e.get(RoleForm.MONTHLY));
        assertTrue(
                e.get(RoleForm.BENEFITS_EMAIL)
                        .startsWith("Enter the benefits advice email address"));
        posted.put(RoleForm.PAYMENT, "UNPAID");
        assertEquals(PaymentModel.unpaid(), role(posted).payment());
    }

    @Test
    void markupIsRefused() {
        Map<String, String> posted = valid();
        posted.put(RoleForm.SUMMARY, "<script>alert(1)</script>");
        assertTrue(errors(posted).get(RoleForm.SUMMARY).contains("must not include < or >"));
    }

    @Test
    void idsComeFromTitles() {
        assertEquals(
                "strategic-co-production-group-member",
                RoleForm.idFor("Strategic Co-production Group: member!"));
        assertEquals("role", RoleForm.idFor("!!!"));
        assertTrue(RoleForm.idFor("a".repeat(30) + " " + "b".repeat(30)).length() <= 50);
    }
}
