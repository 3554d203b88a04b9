package org.involve.core.references;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.Referee;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The reminder job: each unanswered request whose reminder is due gets the request again, with a fresh link, up to the
 * set number of reminders; after the last one, the team is told. Each step is conditional on the request being as
 * read, and each e-mail's id names the request and the reminder, so running twice does what running once does.
 */
public final class ReferenceReminders {
    static final String JOB = "reference-reminders";
    private final RoleReader roles;
    private final RoundApplications round;
    private final ReferenceBook book;
    private final SignedLink links;
    private final ReferenceSettings settings;
    private final ReferenceLetters letters;

    public ReferenceReminders(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            ReferenceSettings settings) {
        this.roles = roles;
        this.round = round;
        this.book = book;
        this.links = links;
        this.settings = settings;
        this.letters = new ReferenceLetters(settings);
    }

    /** @param messageIds the e-mails written (announced by the outbox as it wrote them) */
    public record Result(int reminded, int overdue, List<String> messageIds) {}

    public Result run(Instant now) {
        int reminded = 0, overdue = 0;
        List<String> ids = new ArrayList<>();
        for (ReferenceRequest r : book.remindersDueBy(now)) {
            // The index may lag behind an answer or an earlier run; the request itself decides.
            if (r.received() || r.nextReminderAt() == null || r.nextReminderAt().isAfter(now))
                continue;
            Optional<Application> app = round.find(r.roleId(), r.applicantKey(), Read.CONSISTENT);
            Optional<Role> role = roles.find(r.roleId(), Read.EVENTUAL);
            Optional<Referee> referee =
                    app.flatMap(
                            a ->
                                    ReferenceFacts.referees(a).stream()
                                            .filter(x -> x.number() == r.number())
                                            .findFirst());
            if (app.isEmpty()
                    || app.get().status() != Status.REFERENCES_REQUESTED
                    || !ReferenceFacts.of(app.get()).requestIds().contains(r.id())
                    || role.isEmpty()
                    || referee.isEmpty()) {
                book.remind(
                        r,
                        r.withoutReminders(),
                        List.of(),
                        null); // the application moved on, or its referee was replaced: stop
                // chasing
                continue;
            }
            if (r.remindersSent() < settings.maximumReminders()) {
                Instant expires = now.plus(settings.linkLifetime());
                String token = links.issue(LinkPurpose.REFERENCE, r.id(), expires);
                OutboxMessage m =
                        new OutboxMessage(
                                "reference-reminder-" + r.id() + "-" + (r.remindersSent() + 1),
                                letters.request(
                                        role.get(), app.get(), referee.get(), token, expires, true),
                                now,
                                now,
                                0,
                                "reference-reminder");
                if (book.remind(
                        r, r.reminded(now, settings.nextReminderAfter(now)), List.of(m), null)) {
                    reminded++;
                    ids.add(m.id());
                }
            } else {
                OutboxMessage m =
                        new OutboxMessage(
                                "reference-overdue-" + r.id(),
                                letters.overdueToTeam(
                                        role.get(), app.get(), referee.get(), r.remindersSent()),
                                now,
                                now,
                                0,
                                "reference-overdue");
                AuditEntry audit =
                        AuditEntry.byJob(
                                JOB,
                                "told the team reference " + r.number() + " is overdue",
                                "application:" + r.applicationReference(),
                                now,
                                ReferenceRequest.State.REQUESTED.name(),
                                "OVERDUE");
                if (book.remind(r, r.toldOverdue(now), List.of(m), audit)) {
                    overdue++;
                    ids.add(m.id());
                }
            }
        }
        return new Result(reminded, overdue, ids);
    }
}
