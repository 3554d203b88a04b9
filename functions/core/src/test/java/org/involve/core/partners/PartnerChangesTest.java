package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.NotFound;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class PartnerChangesTest {
    static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
    private final PartnerLetters letters =
            new PartnerLetters(
                    "https://involve.example", "https://staff.example", links, Duration.ofDays(30));
    private final PartnerChanges changes =
            new PartnerChanges(r.partners, r.roles, r.round, letters, clock);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    private final Application app =
            r.applicant(
                    role,
                    Application.Status.REFERENCES_RECEIVED,
                    "email",
                    Map.of("interestAreas", "Maternity care"));
    private final String id = appoint(app);

    private String appoint(Application a) {
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 5, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minusSeconds(3600)))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    private PartnerChanges.Result asPartner(String step, Map<String, String> posted) {
        return changes.act(PartnerChanges.Actor.partner(), id, step, posted);
    }

    /** A member of staff's step from a form read now: carrying the record's current version. */
    private PartnerChanges.Result asStaff(String step, Map<String, String> posted) {
        Map<String, String> form = new java.util.HashMap<>(posted);
        form.put(org.involve.core.kit.Version.FIELD, changes.partner(id).version());
        return changes.act(PartnerChanges.Actor.staff(TestStaff.STAFF), id, step, form);
    }

    private List<OutboxMessage> messages() {
        return r.outbox.messages();
    }

    @Test
    void theRecordStartsFromTheApplicationWithAdjustmentsAndInterestAreas() {
        Partner p = changes.partner(id);
        assertEquals(app.answer(ApplicationForm.EMAIL), p.involvement().email());
        assertEquals("Captions on video calls", p.involvement().adjustments());
        assertEquals("Maternity care", p.involvement().interestAreas());
        assertEquals(4, PartnerChanges.toAgree(p).size());
    }

    @Test
    void aRecordMadeBeforeInvolvementWasKeptStartsFromTheApplication() {
        r.partners.involvements.remove(id);
        Partner p = changes.partner(id);
        assertEquals(0, p.involvement().version());
        assertEquals("Captions on video calls", p.involvement().adjustments());
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asPartner(PartnerChanges.PAUSE, Map.of()));
        assertEquals(PartnerStatus.PAUSED, r.partners.appointments.get(id).status());
        assertEquals(1, r.partners.involvements.get(id).version());
        assertNull(r.partners.involvements.get(id).returnDate());
    }

    @Test
    void pausingWithAReturnDateThenReturningIsAuditedAndTheTeamIsTold() {
        var done =
                assertInstanceOf(
                        PartnerChanges.Result.Done.class,
                        asPartner(
                                PartnerChanges.PAUSE,
                                Map.of(
                                        "returnDate-day", "1",
                                        "returnDate-month", "9",
                                        "returnDate-year", "2026")));
        assertEquals(PartnerStatus.PAUSED, done.partner().status());
        assertEquals(LocalDate.of(2026, 9, 1), done.partner().involvement().returnDate());
        assertEquals(PartnerStatus.PAUSED, changes.partner(id).status());
        var entry = r.audit.trailOf("appointment:" + id).get(0);
        assertEquals("partner", entry.who());
        assertEquals("paused until 2026-09-01", entry.what());
        assertEquals("ACTIVE", entry.fromState());
        assertEquals("PAUSED", entry.toState());
        OutboxMessage notice = messages().get(messages().size() - 1);
        assertEquals(role.contact().teamEmail(), notice.email().to());
        assertTrue(notice.email().text().contains(app.reference()));
        assertTrue(
                notice.email()
                        .text()
                        .contains("https://staff.example/staff/partners/" + role.id() + "/"));
        assertFalse(notice.email().text().contains(app.answer(ApplicationForm.FULL_NAME)));

        assertInstanceOf(
                PartnerChanges.Result.Refused.class, asPartner(PartnerChanges.PAUSE, Map.of()));
        var back =
                assertInstanceOf(
                        PartnerChanges.Result.Done.class,
                        asPartner(PartnerChanges.RETURN, Map.of()));
        assertEquals(PartnerStatus.ACTIVE, back.partner().status());
        assertNull(back.partner().involvement().returnDate());
        assertInstanceOf(
                PartnerChanges.Result.Refused.class, asPartner(PartnerChanges.RETURN, Map.of()));
    }

    @Test
    void aReturnDateMustBeRealAfterTodayAndBeforeTheRoleEnds() {
        for (var date :
                List.of(
                        List.of("31", "2", "2027"),
                        List.of("4", "5", "2026"),
                        List.of("1", "5", "2028"),
                        List.of("", "5", "2026"))) {
            var invalid =
                    assertInstanceOf(
                            PartnerChanges.Result.Invalid.class,
                            asPartner(
                                    PartnerChanges.PAUSE,
                                    Map.of(
                                            "returnDate-day", date.get(0),
                                            "returnDate-month", date.get(1),
                                            "returnDate-year", date.get(2))),
                            date.toString());
            assertTrue(invalid.errors().has("returnDate-day"));
        }
        assertEquals(PartnerStatus.ACTIVE, changes.partner(id).status());
        assertTrue(r.audit.trailOf("appointment:" + id).isEmpty());
    }

    @Test
    void theReturnDateIsReadAsEveryDateIs() {
        DateCases.check(
                (d, m, y) ->
                        asPartner(
                                                PartnerChanges.PAUSE,
                                                Map.of(
                                                        "returnDate-day", d,
                                                        "returnDate-month", m,
                                                        "returnDate-year", y))
                                        instanceof PartnerChanges.Result.Invalid bad
                                ? bad.errors().asMap()
                                : Map.of(),
                "returnDate",
                "The date you come back must include {parts}",
                "The date you come back must be a real date, for example 1 3 2027",
                LocalDate.of(2026, 9, 1));
        assertEquals(LocalDate.of(2026, 9, 1), changes.partner(id).involvement().returnDate());
    }

    @Test
    void aPauseDateWithOnlyTheDaySaysWhichPartsAreMissing() {
        var invalid =
                assertInstanceOf(
                        PartnerChanges.Result.Invalid.class,
                        asPartner(
                                PartnerChanges.PAUSE,
                                Map.of(
                                        "returnDate-day", "12",
                                        "returnDate-month", "",
                                        "returnDate-year", "")));
        assertEquals(
                Map.of("returnDate-month", "The date you come back must include a month and year"),
                invalid.errors().asMap());
        assertEquals("12", invalid.values().get("returnDate-day"), "what they typed is kept");
        assertEquals(PartnerStatus.ACTIVE, changes.partner(id).status());
    }

    @Test
    void aPauseKeepsTheDayItBeganUntilTheyComeBack() {
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asPartner(PartnerChanges.PAUSE, Map.of()));
        Involvement paused = changes.partner(id).involvement();
        assertEquals(LocalDate.of(2026, 5, 4), paused.pausedOn());
        assertNull(paused.returnDate());
        clock.advance(Duration.ofDays(10));
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asPartner(PartnerChanges.RETURN, Map.of()));
        assertNull(changes.partner(id).involvement().pausedOn());
    }

    /** The one rule the pages and {@link PartnerChanges#act} share: which steps apply in each state. */
    @Test
    void eachStepIsOpenOnlyInTheStatesItAppliesTo() {
        Partner active = changes.partner(id);
        assertTrue(PartnerChanges.open(active, PartnerChanges.PAUSE));
        assertEquals(
                "This role is not paused.",
                PartnerChanges.closed(active, PartnerChanges.RETURN).orElseThrow());
        for (String step :
                List.of(
                        PartnerChanges.RETIRE,
                        PartnerChanges.CONTACT,
                        PartnerChanges.IT_SUPPORT,
                        PartnerChanges.INDUCTION,
                        "code-of-conduct")) assertTrue(PartnerChanges.open(active, step), step);
        assertFalse(PartnerChanges.open(active, PartnerChanges.IT_GIVEN), "none asked for");

        asPartner(PartnerChanges.PAUSE, Map.of());
        Partner paused = changes.partner(id);
        assertEquals(
                "This role is already paused.",
                PartnerChanges.closed(paused, PartnerChanges.PAUSE).orElseThrow());
        for (String step :
                List.of(
                        PartnerChanges.RETURN,
                        PartnerChanges.RETIRE,
                        PartnerChanges.CONTACT,
                        PartnerChanges.IT_SUPPORT,
                        "statement-of-values")) assertTrue(PartnerChanges.open(paused, step), step);

        asPartner(PartnerChanges.RETIRE, Map.of("confirm", "yes"));
        Partner retired = changes.partner(id);
        Partner ended =
                new Partner(
                        active.appointment().withStatus(PartnerStatus.ENDED), active.involvement());
        for (Partner left : List.of(retired, ended))
            for (String step :
                    List.of(
                            PartnerChanges.PAUSE,
                            PartnerChanges.RETURN,
                            PartnerChanges.RETIRE,
                            PartnerChanges.CONTACT,
                            PartnerChanges.IT_SUPPORT,
                            PartnerChanges.INDUCTION,
                            "declaration-of-interests"))
                assertTrue(
                        PartnerChanges.closed(left, step)
                                .orElseThrow()
                                .startsWith("This role has ended"),
                        left.status() + " " + step);
    }

    /** A form made by hand (or kept from before they left) changes nothing once they have left the role. */
    @Test
    void onceTheyHaveLeftEveryChangeIsRefusedAndNothingIsWritten() {
        asPartner(PartnerChanges.RETIRE, Map.of("confirm", "yes"));
        Partner retired = changes.partner(id);
        int audited = r.audit.trailOf("appointment:" + id).size(), sent = messages().size();
        Map<String, Map<String, String>> forms =
                Map.of(
                        PartnerChanges.PAUSE,
                        Map.of(),
                        PartnerChanges.RETURN,
                        Map.of(),
                        PartnerChanges.RETIRE,
                        Map.of("confirm", "yes"),
                        PartnerChanges.CONTACT,
                        PartnerChanges.values(retired, PartnerChanges.CONTACT),
                        PartnerChanges.IT_SUPPORT,
                        Map.of("kind", "laptop"),
                        "code-of-conduct",
                        Map.of("agree", "yes"));
        forms.forEach(
                (step, form) -> {
                    var refused =
                            assertInstanceOf(
                                    PartnerChanges.Result.Refused.class,
                                    asPartner(step, form),
                                    step);
                    assertEquals(
                            "This role has ended, so nothing can be changed here. Contact the team if you need anything.",
                            refused.reason());
                });
        assertEquals(retired, changes.partner(id), "the record is as it was");
        assertEquals(audited, r.audit.trailOf("appointment:" + id).size());
        assertEquals(sent, messages().size());
    }

    @Test
    void aRoleThatEndsKeepsTheDayBeforeAsTheirLastAndEndsAnyPause() {
        asPartner(
                PartnerChanges.PAUSE,
                Map.of("returnDate-day", "1", "returnDate-month", "9", "returnDate-year", "2026"));
        Partner ended = changes.partner(id).endedOn(LocalDate.of(2026, 11, 1));
        assertEquals(PartnerStatus.ENDED, ended.status());
        assertEquals(LocalDate.of(2026, 10, 31), ended.lastDayInRole());
        assertNull(ended.involvement().pausedOn());
        assertNull(ended.involvement().returnDate());
    }

    @Test
    void retiringKeepsTheirLastDayInTheRoleForClaims() {
        assertEquals(
                LocalDate.of(2028, 4, 30),
                changes.partner(id).lastDayInRole(),
                "in the role: the day before the term ends");
        asPartner(PartnerChanges.PAUSE, Map.of());
        clock.advance(Duration.ofDays(3));
        asPartner(PartnerChanges.RETIRE, Map.of("confirm", "yes"));
        Partner retired = changes.partner(id);
        assertEquals(LocalDate.of(2026, 5, 7), retired.involvement().lastDayInRole());
        assertEquals(LocalDate.of(2026, 5, 7), retired.lastDayInRole());
        assertNull(retired.involvement().pausedOn(), "the pause is over with the role");
    }

    @Test
    void retiringNeedsTheTickThenSendsAFarewellWithTheirLinkAndEndsEveryChange() {
        assertInstanceOf(
                PartnerChanges.Result.Invalid.class, asPartner(PartnerChanges.RETIRE, Map.of()));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner(PartnerChanges.RETIRE, Map.of("confirm", "yes")));
        assertEquals(PartnerStatus.RETIRED, changes.partner(id).status());
        OutboxMessage farewell =
                messages().stream()
                        .filter(m -> m.id().equals("partner-farewell-" + id))
                        .findFirst()
                        .orElseThrow();
        assertEquals(app.answer(ApplicationForm.EMAIL), farewell.email().to());
        assertTrue(farewell.email().text().contains("https://involve.example/your-involvement/"));
        assertInstanceOf(
                PartnerChanges.Result.Refused.class, asPartner(PartnerChanges.RETURN, Map.of()));
        assertInstanceOf(
                PartnerChanges.Result.Refused.class,
                asPartner("code-of-conduct", Map.of("agree", "yes")));
    }

    @Test
    void agreeingADocumentKeepsTheDateAndVersionAndWhoRecordedIt() {
        assertInstanceOf(
                PartnerChanges.Result.Invalid.class, asPartner("code-of-conduct", Map.of()));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner("code-of-conduct", Map.of("agree", "yes")));
        var agreed =
                changes.partner(id).involvement().documents().get(PartnerDocument.CODE_OF_CONDUCT);
        assertEquals(LocalDate.of(2026, 5, 4), agreed.on());
        assertEquals(PartnerForms.version(PartnerDocument.CODE_OF_CONDUCT), agreed.version());
        assertEquals("partner", agreed.by());
        assertTrue(
                messages()
                        .get(messages().size() - 1)
                        .email()
                        .text()
                        .contains("has agreed the code of conduct"));
        assertEquals(
                "agreed the code of conduct, version " + agreed.version(),
                r.audit.trailOf("appointment:" + id).get(0).what());
        assertEquals(3, PartnerChanges.toAgree(changes.partner(id)).size());

        var invalid =
                assertInstanceOf(
                        PartnerChanges.Result.Invalid.class,
                        asPartner("declaration-of-interests", Map.of("agree", "yes")));
        assertTrue(invalid.errors().has("interests"));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner(
                        "declaration-of-interests",
                        Map.of("agree", "yes", "interests", "I am a governor of a school")));
        assertEquals(
                "I am a governor of a school",
                changes.partner(id).involvement().interestsDeclared());
    }

    /** Every problem with the details is found at once: the answers' own and what the contact method needs. */
    @Test
    void theDetailsFormReportsEveryProblemInOneRoundInTheOrderOfTheQuestions() {
        Map<String, String> posted =
                new HashMap<>(PartnerChanges.values(changes.partner(id), "contact"));
        posted.put(ApplicationForm.FULL_NAME, "");
        posted.put(ApplicationForm.CONTACT_METHOD, "post");
        posted.put(ApplicationForm.PHONE, "not a number");
        posted.put(ApplicationForm.ADDRESS_LINE_1, "");
        posted.put(ApplicationForm.TOWN, "");
        posted.put(ApplicationForm.POSTCODE, "");
        var invalid =
                assertInstanceOf(
                        PartnerChanges.Result.Invalid.class,
                        asPartner(PartnerChanges.CONTACT, posted));
        assertEquals(
                List.of(
                        ApplicationForm.FULL_NAME,
                        ApplicationForm.PHONE,
                        ApplicationForm.ADDRESS_LINE_1,
                        ApplicationForm.TOWN,
                        ApplicationForm.POSTCODE),
                List.copyOf(invalid.errors().asMap().keySet()));
        assertEquals(
                "Enter the first line of your address, as you would like us to write to you by post",
                invalid.errors().asMap().get(ApplicationForm.ADDRESS_LINE_1));
        assertEquals("not a number", invalid.values().get(ApplicationForm.PHONE));
        assertEquals("post", invalid.values().get(ApplicationForm.CONTACT_METHOD));
        assertEquals("email", changes.partner(id).involvement().contactMethod(), "nothing saved");
    }

    @Test
    void contactDetailsFollowTheContactPreferenceRules() {
        Map<String, String> posted =
                new HashMap<>(PartnerChanges.values(changes.partner(id), "contact"));
        posted.put(ApplicationForm.CONTACT_METHOD, "telephone");
        posted.put(ApplicationForm.PHONE, "");
        var invalid =
                assertInstanceOf(
                        PartnerChanges.Result.Invalid.class,
                        asPartner(PartnerChanges.CONTACT, posted));
        assertTrue(invalid.errors().has(ApplicationForm.PHONE));
        posted.put(ApplicationForm.PHONE, "01632 960 001");
        posted.put("adjustments", "Papers a week ahead");
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asPartner(PartnerChanges.CONTACT, posted));
        Involvement i = changes.partner(id).involvement();
        assertEquals("telephone", i.contactMethod());
        assertEquals("Papers a week ahead", i.adjustments());
        assertFalse(i.byEmail());
    }

    @Test
    void itSupportIsAskedForByThePartnerAndRecordedGivenByStaffOnly() {
        assertThrows(
                NotFound.class, () -> asPartner(PartnerChanges.IT_GIVEN, Map.of("kind", "laptop")));
        var staff = PartnerChanges.Actor.staff(TestStaff.STAFF);
        assertInstanceOf(
                PartnerChanges.Result.Refused.class,
                asStaff(PartnerChanges.IT_GIVEN, Map.of("kind", "laptop")));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner(
                        PartnerChanges.IT_SUPPORT,
                        Map.of("kind", "laptop", "detail", "Mine is broken")));
        assertEquals(List.of(ItSupport.LAPTOP), PartnerChanges.waitingForIt(changes.partner(id)));
        assertInstanceOf(
                PartnerChanges.Result.Invalid.class,
                asStaff(PartnerChanges.IT_GIVEN, Map.of("kind", "data")));
        int before = messages().size();
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asStaff(PartnerChanges.IT_GIVEN, Map.of("kind", "laptop")));
        assertEquals(before, messages().size(), "staff are not e-mailed about their own change");
        var request = changes.partner(id).involvement().itSupport().get(ItSupport.LAPTOP);
        assertEquals("Mine is broken", request.detail());
        assertEquals(LocalDate.of(2026, 5, 4), request.given());
        assertEquals(TestStaff.STAFF.id(), r.audit.trailOf("appointment:" + id).get(1).who());
    }

    @Test
    void staffRecordTheInductionOnceAndMayActForThePartner() {
        var staff = PartnerChanges.Actor.staff(TestStaff.STAFF);
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asStaff(PartnerChanges.INDUCTION, Map.of()));
        assertEquals(LocalDate.of(2026, 5, 4), changes.partner(id).involvement().inductionDone());
        assertInstanceOf(
                PartnerChanges.Result.Refused.class, asStaff(PartnerChanges.INDUCTION, Map.of()));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asStaff("confidentiality", Map.of("agree", "yes")));
        assertEquals(
                TestStaff.STAFF.id(),
                changes.partner(id)
                        .involvement()
                        .documents()
                        .get(PartnerDocument.CONFIDENTIALITY)
                        .by());
        assertThrows(AccessDenied.class, () -> PartnerChanges.Actor.staff(TestStaff.PANEL_A));
    }

    @Test
    void aChangeOnARecordChangedMeanwhileIsRefusedAndWritesNothing() {
        Partner seen = changes.partner(id);
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner("code-of-conduct", Map.of("agree", "yes")));
        Partner other = new Partner(seen.appointment(), seen.involvement());
        assertFalse(r.partners.change(seen, other, List.of(), List.of()));
    }

    /** A partner's page read before a change (theirs in another window, or the team's) does not overwrite it. */
    @Test
    void aPartnersPageReadBeforeAnotherChangeDoesNothing() {
        String read = changes.partner(id).version();
        Map<String, String> first =
                new java.util.HashMap<>(Map.of("kind", "laptop", "detail", "Mine is broken"));
        first.put(org.involve.core.kit.Version.FIELD, read);
        assertInstanceOf(
                PartnerChanges.Result.Done.class, asPartner(PartnerChanges.IT_SUPPORT, first));
        Map<String, String> stale =
                new java.util.HashMap<>(Map.of("kind", "data", "detail", "No internet"));
        stale.put(org.involve.core.kit.Version.FIELD, read);
        var refused =
                assertInstanceOf(
                        PartnerChanges.Result.Refused.class,
                        asPartner(PartnerChanges.IT_SUPPORT, stale));
        assertTrue(refused.reason().startsWith("Your record changed after you opened this page"));
        assertEquals(
                1,
                changes.partner(id).involvement().itSupport().size(),
                "only the first change was made");
    }

    @Test
    void aStaffStepFromAFormReadBeforeSomeoneElsesChangeDoesNothing() {
        String read = changes.partner(id).version();
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                asPartner(
                        PartnerChanges.IT_SUPPORT,
                        Map.of("kind", "laptop", "detail", "Mine is broken")));
        var staff = PartnerChanges.Actor.staff(TestStaff.STAFF);
        var stale =
                assertThrows(
                        PartnerChanges.ChangedMeanwhile.class,
                        () ->
                                changes.act(
                                        staff,
                                        id,
                                        PartnerChanges.INDUCTION,
                                        Map.of(org.involve.core.kit.Version.FIELD, read)));
        assertEquals(changes.partner(id).version(), stale.current().version(), "as it is now");
        assertEquals(null, changes.partner(id).involvement().inductionDone());
        assertThrows(
                PartnerChanges.ChangedMeanwhile.class,
                () -> changes.act(staff, id, PartnerChanges.INDUCTION, Map.of()),
                "a form with no version does nothing");
        assertEquals(null, changes.partner(id).involvement().inductionDone());
    }
}
