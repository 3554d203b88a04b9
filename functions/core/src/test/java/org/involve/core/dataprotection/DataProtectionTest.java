package org.involve.core.dataprotection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryPersonalData;
import org.involve.core.fakes.TestStaff;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class DataProtectionTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    final Subject jo =
            new Subject(
                    "Jo Example",
                    Set.of("key-1"),
                    Set.of("INV-7K3M-Q9P2"),
                    Set.of("jo@example.com"));
    final InMemoryPersonalData data =
            new InMemoryPersonalData(jo)
                    .hold(Held.Kind.APPLICATIONS, Map.of("answers.fullName", "Jo Example"))
                    .hold(Held.Kind.EMAILS, Map.of("to", "jo@example.com"))
                    .hold(Held.Kind.AUDIT, Map.of("what", "application received"));
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final DataProtection dp = new DataProtection(data, audit);

    static Map<String, String> form(String find, String day, String month, String year) {
        Map<String, String> f = new HashMap<>();
        f.put("find", find);
        f.put("received-day", day);
        f.put("received-month", month);
        f.put("received-year", year);
        return f;
    }

    @Test
    void findsByEmailAddressOrReferenceWithTheDayTheAnswerIsDue() {
        var byEmail = dp.find(TestStaff.STAFF, form(" Jo@Example.com ", "27", "11", "2026"), NOW);
        var found = assertInstanceOf(DataProtection.Lookup.Found.class, byEmail);
        assertEquals(LocalDate.parse("2026-11-27"), found.received());
        assertEquals(LocalDate.parse("2026-12-27"), found.due());
        assertEquals(2, found.held().erasable(), "the audit trail is not counted as erasable");

        var byReference = dp.find(TestStaff.STAFF, form("inv-7k3m-q9p2", "", "", ""), NOW);
        var today = assertInstanceOf(DataProtection.Lookup.Found.class, byReference);
        assertEquals(LocalDate.parse("2026-12-01"), today.received(), "empty means today");
        assertEquals(LocalDate.parse("2027-01-01"), today.due());
        assertTrue(audit.entries().isEmpty(), "looking is not an answer");
    }

    @Test
    void aMonthFromTheLastDayOfALongMonthIsTheLastDayOfTheNext() {
        var found =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        dp.find(TestStaff.STAFF, form("jo@example.com", "31", "1", "2026"), NOW));
        assertEquals(LocalDate.parse("2026-02-28"), found.due());
    }

    @Test
    void refusesAWrongFormAndSaysWhenNobodyIsFound() {
        var empty = dp.find(TestStaff.STAFF, form("", "", "", ""), NOW);
        assertTrue(
                assertInstanceOf(DataProtection.Lookup.Invalid.class, empty).errors().has("find"));
        var notAnAddress = dp.find(TestStaff.STAFF, form("jo at example", "", "", ""), NOW);
        assertInstanceOf(DataProtection.Lookup.Invalid.class, notAnAddress);
        var future = dp.find(TestStaff.STAFF, form("jo@example.com", "2", "12", "2026"), NOW);
        assertTrue(
                assertInstanceOf(DataProtection.Lookup.Invalid.class, future)
                        .errors()
                        .has("received-day"));
        var notADate = dp.find(TestStaff.STAFF, form("jo@example.com", "31", "2", "2026"), NOW);
        assertInstanceOf(DataProtection.Lookup.Invalid.class, notADate);
        var nobody = dp.find(TestStaff.STAFF, form("someone@example.com", "", "", ""), NOW);
        assertInstanceOf(DataProtection.Lookup.NobodyFound.class, nobody);
    }

    @Test
    void theDayTheRequestCameIsReadAsEveryDateIsAndCannotBeAfterToday() {
        DateCases.check(
                (d, m, y) ->
                        dp.find(TestStaff.STAFF, form("jo@example.com", d, m, y), NOW)
                                        instanceof DataProtection.Lookup.Invalid bad
                                ? bad.errors().asMap()
                                : Map.of(),
                "received",
                "The date the request came must include {parts}",
                "The date the request came must be a real date, for example 27 11 2026",
                LocalDate.of(2026, 11, 27));
        assertEquals(
                Map.of("received-day", "The date the request came must be today or in the past"),
                assertInstanceOf(
                                DataProtection.Lookup.Invalid.class,
                                dp.find(
                                        TestStaff.STAFF,
                                        form("jo@example.com", "2", "12", "2026"),
                                        NOW))
                        .errors()
                        .asMap());
    }

    @Test
    void onlyStaffWithTheDataProtectionPermissionMayLook() {
        assertThrows(
                AccessDenied.class,
                () -> dp.find(TestStaff.PANEL_A, form("jo@example.com", "", "", ""), NOW));
        assertThrows(
                AccessDenied.class,
                () -> dp.erase(TestStaff.FINANCE, form("jo@example.com", "", "", ""), NOW));
    }

    @Test
    void answeringIsAuditedWithTheRequestsDatesAndNoPersonalData() {
        var answer = dp.answer(TestStaff.STAFF, form("jo@example.com", "27", "11", "2026"), NOW);
        assertTrue(answer.isPresent());
        AuditEntry entry = audit.entries().get(0);
        assertEquals(answer.get().requestId(), entry.record());
        assertEquals("received 2026-11-27, due 2026-12-27", entry.fromState());
        assertEquals("answered 2026-12-01", entry.toState());
        assertEquals(TestStaff.STAFF.id(), entry.who());
        // The whole name and the address: a bare "Jo" also turns up in random request ids.
        assertFalse(entry.toString().contains("Jo Example"), entry.toString());
        assertFalse(entry.toString().contains("Example"), entry.toString());
        assertFalse(entry.toString().toLowerCase().contains("jo@example.com"), entry.toString());
        assertFalse(entry.toString().contains("INV-7K3M-Q9P2"), entry.toString());
    }

    @Test
    void erasingRemovesEverythingButTheAuditTrailAndTellsThePerson() {
        var form = form("INV-7K3M-Q9P2", "", "", "");
        form.put("version", "stale");
        assertThrows(
                DataProtection.ChangedMeanwhile.class, () -> dp.erase(TestStaff.STAFF, form, NOW));
        assertTrue(data.audited.isEmpty(), "nothing erased from a stale page");
        var seen =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class, dp.find(TestStaff.STAFF, form, NOW));
        form.put("version", seen.held().version());
        var erased = dp.erase(TestStaff.STAFF, form, NOW).orElseThrow();
        assertEquals(2, erased.records());
        assertEquals(1, erased.told());
        AuditEntry entry = data.audited.get(0);
        assertEquals("erased 2 records", entry.toState());
        assertEquals("received 2026-12-01, due 2027-01-01", entry.fromState());
        assertFalse(entry.toString().contains("jo@example.com"));
        var letter = data.sent.get(0).email();
        assertEquals("jo@example.com", letter.to());
        assertTrue(letter.text().contains("erase"), letter.text());
        assertFalse(letter.text().contains("Jo Example"), "the letter holds no more than it must");
        var left = data.heldAbout(jo);
        assertEquals(0, left.erasable());
        assertEquals(1, left.of(Held.Kind.AUDIT).size(), "the audit trail is kept");
        assertTrue(dp.erase(TestStaff.STAFF, form, NOW).isEmpty(), "a second press finds nobody");
    }

    @Test
    void aRefereeOnlyPersonIsFoundErasedAndToldWithADatedNoteForTheApplication() {
        Subject referee =
                new Subject(
                        "Rene Referee",
                        Set.of(),
                        Set.of(),
                        Set.of("rene@example.com"),
                        Set.of("referee-key"));
        InMemoryPersonalData held =
                new InMemoryPersonalData(referee)
                        .hold(Held.Kind.REFERENCES_GIVEN, Map.of("answers.reference", "Kind"))
                        .hold(Held.Kind.REFEREE_DETAILS, Map.of("referee1Name", "Rene Referee"));
        DataProtection forReferee = new DataProtection(held, new InMemoryAuditTrail());
        var form = form("rene@example.com", "", "", "");
        var seen =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        forReferee.find(TestStaff.STAFF, form, NOW));
        assertEquals(2, seen.held().erasable());
        form.put("version", seen.held().version());
        var erased = forReferee.erase(TestStaff.STAFF, form, NOW).orElseThrow();
        assertEquals(1, erased.told());
        assertEquals("rene@example.com", held.sent.get(0).email().to());
        assertEquals(
                List.of("Referee details removed on 1 December 2026 at the referee's request"),
                held.refereeNotes);
        assertFalse(held.audited.get(0).toString().contains("Rene"), "the audit names nobody");
    }

    @Test
    void aSubjectIsFoundThroughAnApplicantKeyOrARefereeKey() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Subject("", Set.of(), Set.of(), Set.of("a@example.com"), Set.of()));
    }
}
