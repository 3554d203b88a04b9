package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;

/**
 * Partners appointed to one role from new applications, on DynamoDB Local, with their applications, records, audit
 * trail and outbox: what the tests of a partner's own items beside their record (check-ins, tenure reviews) stand on.
 */
final class AppointedPartners {
    final DynamoOutbox outbox;
    final DynamoAuditTrail audit;
    final DynamoApplicationStore store;
    final DynamoApplications round;
    final DynamoPartnerRecords partners;
    final Role role;
    private int entries;

    AppointedPartners(AwsEnvironment aws) {
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.partners =
                new DynamoPartnerRecords(
                        aws.dynamo(), aws.table("PartnersTable"), round, outbox, audit);
        Role r = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2000, 1, 20));
        assertTrue(Samples.roles(aws).create(r, entry("role:" + r.id(), "SHORTLISTING")));
        this.role = r;
    }

    AuditEntry entry(String record, String state) {
        return new AuditEntry(
                "staff-1", "tenure", record, Samples.NOW.plusMillis(++entries), null, state);
    }

    /** A partner appointed from a new application, in the role from {@code start} for 2 years. */
    Partner appointed(LocalDate start, PartnerStatus status) {
        return appointed(start, status, start.plusYears(2), null);
    }

    /** A partner in the role from {@code start}, with a term ending on {@code termEnds} or a review date instead. */
    Partner appointed(
            LocalDate start, PartnerStatus status, LocalDate termEnds, LocalDate reviewDate) {
        return appointed(Samples.NOW, start, status, termEnds, reviewDate);
    }

    /** A partner appointed at {@code appointedAt} (the directory's order), in the role from {@code start}. */
    Partner appointed(
            java.time.Instant appointedAt,
            LocalDate start,
            PartnerStatus status,
            LocalDate termEnds,
            LocalDate reviewDate) {
        Application s = Samples.application(role.id(), Samples.unique("person"));
        Application submitted =
                store.submit(
                                new Application(
                                        s.reference(),
                                        role.id(),
                                        s.applicantKey(),
                                        s.status(),
                                        new HashMap<>(s.answers()),
                                        Samples.NOW.minusSeconds(86400),
                                        s.contactMethod(),
                                        s.acknowledgement(),
                                        s.enteredBy()),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        submitted,
                        Application.Status.REFERENCES_RECEIVED,
                        Map.of("references.1.state", "received"),
                        entry("application:" + s.reference(), "REFERENCES_RECEIVED"),
                        List.of()));
        Application a = round.find(role.id(), s.applicantKey(), Read.CONSISTENT).orElseThrow();
        Appointment made =
                new Appointment(
                        Appointment.idFor(a.reference()),
                        a.roleId(),
                        a.reference(),
                        a.applicantKey(),
                        appointedAt,
                        start,
                        termEnds,
                        reviewDate,
                        start.plusYears(4),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE);
        assertTrue(partners.appoint(a, made, Map.of(), List.of(), List.of()));
        Partner p = partners.partner(made.id()).orElseThrow().partner().orElseThrow();
        if (status == PartnerStatus.ACTIVE) return p;
        Partner changed =
                status == PartnerStatus.ENDED
                        ? p.endedOn(made.ends())
                        : p.changedTo(with(made, status));
        assertTrue(partners.change(p, changed, List.of(), List.of()));
        return changed;
    }

    static Appointment with(Appointment a, PartnerStatus status) {
        return new Appointment(
                a.id(),
                a.roleId(),
                a.applicationReference(),
                a.personKey(),
                a.appointedAt(),
                a.start(),
                a.termEnds(),
                a.reviewDate(),
                a.latestEnd(),
                a.extensionsUsed(),
                a.payment(),
                a.steppingDown(),
                status);
    }

    OutboxMessage message(String purpose) {
        return new OutboxMessage(
                Samples.unique(purpose),
                Samples.email("pat@example.org"),
                Samples.NOW,
                Samples.NOW,
                0,
                purpose);
    }
}
