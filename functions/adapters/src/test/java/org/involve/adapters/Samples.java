package org.involve.adapters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.involve.core.application.Application;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Email;
import org.involve.core.kit.Paging;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.Claims;
import org.involve.core.role.Commitment;
import org.involve.core.role.Contact;
import org.involve.core.role.Criterion;
import org.involve.core.role.EligibilityPolicy;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Tenure;

/** Fictional records for the adapter tests. Every id is fresh, so tests sharing one emulator never meet. */
final class Samples {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private Samples() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Role role(RoleStatus status, LocalDate closingDate) {
        return role(status, closingDate, 2);
    }

    /** A sample role with {@code places} places: a successful interview needs a place free. */
    static Role role(RoleStatus status, LocalDate closingDate, int places) {
        return new Role(
                unique("role"),
                "Lived experience partner",
                "Listening culture programme",
                "Example NHS Trust",
                "Help shape how the trust listens to patients.",
                List.of("Join a monthly one-hour meeting"),
                List.of("People with lived experience of our services"),
                places,
                "2 partners",
                1,
                List.of("Inclusion health groups"),
                List.of(
                        new Criterion("listening", "You listen to different points of view", true),
                        new Criterion("networks", "You draw on community networks", false)),
                closingDate,
                closingDate.plusDays(8),
                "video call",
                2,
                5,
                new Commitment("Monthly 1-hour meeting", "Up to 4 hours a month", 0, 80),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.monthlyFixed(7500, 4),
                EligibilityPolicy.standard(),
                new Contact(
                        "Involvement team",
                        "involvement@example.org",
                        "01632 960 001",
                        "team@example.org",
                        "benefits@example.org"),
                status);
    }

    static Application application(String roleId, String applicantKey) {
        return new Application(
                "INV-" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(),
                roleId,
                applicantKey,
                Application.Status.RECEIVED,
                Map.of(
                        "fullName",
                        "Alex Example",
                        "email",
                        "alex@example.org",
                        "contactMethod",
                        "email"),
                NOW,
                "email",
                Application.Acknowledgement.EMAIL_QUEUED,
                "applicant");
    }

    static ApplicationDraft draft(String roleId) {
        return new ApplicationDraft(
                unique("draft"),
                roleId,
                NOW,
                Map.of("fullName", "Alex Example"),
                Set.of("about-you"),
                null,
                NOW.plus(7, ChronoUnit.DAYS));
    }

    static Email email(String to) {
        return new Email(
                to,
                "We have received your application",
                "<p>Thank you &amp; welcome</p>",
                "Thank you & welcome\n");
    }

    static OutboxMessage message(Instant dueAt) {
        return new OutboxMessage(
                unique("ack"), email("alex@example.org"), NOW, dueAt, 0, "acknowledgement");
    }

    static MonitoringResponse monitoring(String roleId) {
        return new MonitoringResponse(
                unique("answers"),
                roleId,
                Map.of(
                        "ageBand",
                        "35-to-44",
                        "ethnicGroup",
                        "prefer-not-to-say",
                        "region",
                        "london"));
    }

    /** An outbox over the test table whose announcements no test looks at (DynamoOutboxTest looks at its own). */
    static DynamoOutbox outbox(AwsEnvironment aws) {
        return new DynamoOutbox(
                aws.dynamo(),
                aws.table("OutboxTable"),
                aws.table("ApplicationsTable"),
                new Announcements(),
                warning -> {});
    }

    /** The roles adapter over the test tables. */
    static DynamoRoles roles(AwsEnvironment aws) {
        return new DynamoRoles(
                aws.dynamo(),
                aws.table("RolesTable"),
                outbox(aws),
                new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable")));
    }

    /** Puts the role's item as it is, overwriting any: how a test sets the scene (the port itself only creates and replaces). */
    static void putRole(AwsEnvironment aws, Role role) {
        aws.dynamo()
                .putItem(r -> r.tableName(aws.table("RolesTable")).item(DynamoRoles.item(role)));
    }

    /** Every claim waiting for a decision, oldest first, read as the claims desk reads them: a page at a time. */
    static List<Claim> waiting(Claims claims) {
        List<Claim> all = new ArrayList<>();
        Paging.Cursor from = Paging.Cursor.first();
        while (true) {
            List<Claim> page = claims.waiting(from, 100);
            all.addAll(page);
            if (page.size() < 100) return all;
            from = Paging.Cursor.after(ClaimDesk.key(page.get(page.size() - 1)));
        }
    }
}
