package org.involve.core.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;

/** A recruitment round in memory: roles, applications at any status, outbox and audit, for the later steps' tests. */
public final class Round {
    /** What the outbox announced to the mailer as messages were written. */
    public final RecordingMailQueue queue = new RecordingMailQueue();

    public final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    public final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    public final InMemoryRoles roles = new InMemoryRoles();
    public final InMemoryOutcomeRecords outcomes =
            new InMemoryOutcomeRecords(applications, outbox, audit);
    public final InMemoryPartners partners = new InMemoryPartners(applications, outbox, audit);
    public final InMemoryMeetings meetings = new InMemoryMeetings(outbox, audit);
    public final InMemoryTenureReviews tenure = new InMemoryTenureReviews(partners, outbox, audit);
    public final InMemoryCheckIns checkIns = new InMemoryCheckIns(partners, outbox, audit);
    private int n;

    public Role role(Role r) {
        roles.roles.put(r.id(), r);
        return r;
    }

    /** An application from a person of their own (their own e-mail), at {@code status}, contacted by {@code method}. */
    public Application applicant(
            Role role, Application.Status status, String method, Map<String, String> changes) {
        n++;
        Map<String, String> answers =
                new HashMap<>(
                        Map.of(
                                ApplicationForm.EMAIL,
                                "applicant" + n + "@example.org",
                                ApplicationForm.FULL_NAME,
                                "Applicant Number" + n,
                                ApplicationForm.CONTACT_METHOD,
                                method));
        answers.putAll(changes);
        Application a =
                TestApplications.submitted(
                        role,
                        String.format("INV-TEST-%04d", n),
                        Instant.parse("2025-01-05T10:00:00Z").plusSeconds(n),
                        answers);
        return round.add(a.after(status, Map.of()));
    }

    public Application applicant(Role role, Application.Status status) {
        return applicant(role, status, "email", Map.of());
    }

    public Application current(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }
}
