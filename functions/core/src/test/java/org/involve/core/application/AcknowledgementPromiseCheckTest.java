package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class AcknowledgementPromiseCheckTest {
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryOutstandingAcknowledgements outstanding =
            new InMemoryOutstandingAcknowledgements();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final AcknowledgementPromiseCheck check =
            new AcknowledgementPromiseCheck(
                    outstanding,
                    roles,
                    new InMemoryOutboxWriter(outbox),
                    "https://staff.example.org",
                    Period.ofDays(1));
    private final Role fiveDays = TestRoles.monthly(LocalDate.of(2025, 12, 1));
    private final Role sevenDays = TestRoles.dayRate(LocalDate.of(2025, 12, 1));

    AcknowledgementPromiseCheckTest() {
        roles.save(fiveDays);
        roles.save(sevenDays);
    }

    private Application byPhone(Role role, String reference, String submittedAt) {
        Application app =
                TestApplications.submitted(
                        role,
                        reference,
                        Instant.parse(submittedAt),
                        Map.of(ApplicationForm.CONTACT_METHOD, "telephone"));
        outstanding.add(app);
        return app;
    }

    @Test
    void anApplicationStillUnacknowledgedADayBeforeThePromiseAlertsStaff() {
        byPhone(fiveDays, "INV-2222-3333", "2025-01-06T10:00:00Z");
        AcknowledgementPromiseCheck.Result r = check.run(Instant.parse("2025-01-10T10:00:00Z"));
        assertEquals(List.of("ack-promise-INV-2222-3333"), r.messageIds());
        Email alert = outbox.messages().get(0).email();
        assertEquals("team@example.org", alert.to());
        assertEquals(
                "Acknowledge application INV-2222-3333 by 11 January 2025 at 10:00am",
                alert.subject());
        assertTrue(alert.text().contains("asked to be contacted by telephone"), alert.text());
        assertTrue(
                alert.text()
                        .contains("https://staff.example.org/staff/applications/INV-2222-3333"));
    }

    /** The job's reads grow with the applications outstanding, not with their roles read again for each. */
    @Test
    void eachRoleIsReadOnceARun() {
        for (int i = 0; i < 5; i++) byPhone(fiveDays, "INV-2222-000" + i, "2025-01-06T10:00:00Z");
        byPhone(sevenDays, "INV-7777-7777", "2025-01-06T10:00:00Z");
        int finds = roles.finds();
        assertEquals(5, check.run(Instant.parse("2025-01-10T10:00:00Z")).messageIds().size());
        assertEquals(2, roles.finds() - finds, "one read for each of the two roles");
    }

    @Test
    void beforeThePromiseIsNearNothingIsSent() {
        byPhone(fiveDays, "INV-2222-3333", "2025-01-06T10:00:00Z");
        assertEquals(List.of(), check.run(Instant.parse("2025-01-10T09:59:59Z")).messageIds());
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void eachRoleKeepsItsOwnPromise() {
        byPhone(fiveDays, "INV-5555-5555", "2025-01-06T10:00:00Z");
        byPhone(sevenDays, "INV-7777-7777", "2025-01-06T10:00:00Z");
        assertEquals(
                List.of("ack-promise-INV-5555-5555"),
                check.run(Instant.parse("2025-01-10T10:00:00Z")).messageIds());
        assertEquals(
                List.of("ack-promise-INV-7777-7777"),
                check.run(Instant.parse("2025-01-12T10:00:00Z")).messageIds());
    }

    @Test
    void runningAgainSendsNoSecondAlert() {
        byPhone(fiveDays, "INV-2222-3333", "2025-01-06T10:00:00Z");
        check.run(Instant.parse("2025-01-10T10:00:00Z"));
        assertEquals(List.of(), check.run(Instant.parse("2025-01-10T11:00:00Z")).messageIds());
        assertEquals(List.of(), check.run(Instant.parse("2025-01-12T11:00:00Z")).messageIds());
        assertEquals(1, outbox.messages().size());
    }

    @Test
    void anAcknowledgedApplicationIsNotChased() {
        byPhone(fiveDays, "INV-2222-3333", "2025-01-06T10:00:00Z");
        outstanding.acknowledged("INV-2222-3333");
        assertEquals(List.of(), check.run(Instant.parse("2025-01-10T10:00:00Z")).messageIds());
    }

    @Test
    void whenTheClocksGoBackThePromiseIsKeptInUkTime() {
        // Wednesday 22 October 2025, 10:00 BST. Five days on is Monday 27 October, 10:00 GMT: the
        // clocks went back on the 26th.
        Application app = byPhone(fiveDays, "INV-2222-3333", "2025-10-22T09:00:00Z");
        assertEquals(
                Instant.parse("2025-10-27T10:00:00Z"),
                AcknowledgementPromiseCheck.promisedBy(fiveDays, app));
        assertEquals(List.of(), check.run(Instant.parse("2025-10-26T09:59:59Z")).messageIds());
        assertEquals(
                List.of("ack-promise-INV-2222-3333"),
                check.run(Instant.parse("2025-10-26T10:00:00Z")).messageIds());
        assertTrue(
                outbox.messages()
                        .get(0)
                        .email()
                        .text()
                        .contains("arrived on 22 October 2025 at 10:00am"));
        assertTrue(
                outbox.messages()
                        .get(0)
                        .email()
                        .text()
                        .contains("acknowledged by 27 October 2025 at 10:00am"));
    }

    @Test
    void whenTheClocksGoForwardThePromiseIsKeptInUkTime() {
        // Thursday 27 March 2025, 10:00 GMT. Five days on is Tuesday 1 April, 10:00 BST: the clocks
        // went forward on the 30th.
        Application app = byPhone(fiveDays, "INV-2222-3333", "2025-03-27T10:00:00Z");
        assertEquals(
                Instant.parse("2025-04-01T09:00:00Z"),
                AcknowledgementPromiseCheck.promisedBy(fiveDays, app));
        assertEquals(List.of(), check.run(Instant.parse("2025-03-31T08:59:59Z")).messageIds());
        assertEquals(
                List.of("ack-promise-INV-2222-3333"),
                check.run(Instant.parse("2025-03-31T09:00:00Z")).messageIds());
    }

    @Test
    void anUndeliveredEmailAcknowledgementIsChasedToo() {
        Application app =
                TestApplications.submitted(
                        fiveDays, "INV-2222-3333", Instant.parse("2025-01-06T10:00:00Z"));
        outstanding.add(app);
        check.run(Instant.parse("2025-01-10T10:00:00Z"));
        assertTrue(
                outbox.messages()
                        .get(0)
                        .email()
                        .text()
                        .contains("acknowledgement email has not been delivered"));
    }

    @Test
    void theAlertNamesTheApplicationNotThePerson() {
        byPhone(fiveDays, "INV-2222-3333", "2025-01-06T10:00:00Z");
        check.run(Instant.parse("2025-01-10T10:00:00Z"));
        Email alert = outbox.messages().get(0).email();
        for (String personal :
                List.of(
                        "Jo Testperson",
                        "jo.testperson@example.org",
                        "07700 900982",
                        "LS1 4AP",
                        "1 Example Street")) {
            assertFalse(alert.text().contains(personal), personal);
            assertFalse(alert.html().contains(personal), personal);
        }
    }

    @Test
    void anApplicationForARoleNoLongerInTheCatalogueIsSkipped() {
        Role gone = TestRoles.unpaid(LocalDate.of(2025, 12, 1));
        byPhone(gone, "INV-2222-3333", "2025-01-06T10:00:00Z");
        assertEquals(List.of(), check.run(Instant.parse("2025-01-20T10:00:00Z")).messageIds());
    }
}
