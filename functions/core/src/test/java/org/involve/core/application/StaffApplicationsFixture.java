package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.EnteringForApplicant.Entry;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplicationRecords;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;

/** The staff application pages' use cases over one set of in-memory ports, with a monthly role open for applications. */
abstract class StaffApplicationsFixture {
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    final InMemoryRoles roles = new InMemoryRoles();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    final InMemoryOutstandingAcknowledgements outstanding =
            new InMemoryOutstandingAcknowledgements();
    final MonitoringToken tokens = new MonitoringToken("a-test-signing-key-of-enough-length");
    final InMemoryApplicationRecords records =
            new InMemoryApplicationRecords(applications, outstanding, outbox, audit);
    final ApplicationsForStaff seeing =
            new ApplicationsForStaff(
                    roles, round, outstanding, "https://involve.example.org/", tokens, clock);
    final EnteringForApplicant entering =
            new EnteringForApplicant(
                    roles,
                    records,
                    tokens,
                    "https://involve.example.org/",
                    "https://staff.involve.example.org/",
                    clock,
                    TestLinks.WITHDRAWAL);
    final TalkFirstQueue talkFirst = new TalkFirstQueue(roles, round, clock);
    final UnacknowledgedApplications acknowledging =
            new UnacknowledgedApplications(roles, round, outstanding, records, clock);
    final Role role = TestRoles.monthly(LocalDate.of(2025, 2, 1));

    StaffApplicationsFixture() {
        roles.roles.put(role.id(), role);
    }

    Map<String, String> posted(String channel, Map<String, String> changes) {
        Map<String, String> p = new HashMap<>(Answers.valid(role));
        p.put(EnteringForApplicant.RECEIVED_BY, channel);
        p.putAll(changes);
        return p;
    }

    Entry.Entered entered(String channel, Map<String, String> changes) {
        return assertInstanceOf(
                Entry.Entered.class,
                entering.enter(TestStaff.STAFF, role.id(), posted(channel, changes)));
    }

    Application byTelephone() {
        return entered("telephone", Map.of(ApplicationForm.CONTACT_METHOD, "telephone"))
                .application();
    }

    Application heldToTalkFirst() {
        return entered(
                        "post",
                        Map.of(
                                Eligibility.TRUSTEE_REMOVED,
                                "yes",
                                ApplicationForm.NONE_APPLY,
                                "no"))
                .application();
    }
}
