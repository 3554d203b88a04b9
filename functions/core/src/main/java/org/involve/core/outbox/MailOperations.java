package org.involve.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Retention;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The e-mail problems page's rules: staff with {@link Permission#MANAGE_EMAIL_DELIVERY} see every FAILED and
 * NEEDS_CHECKING message (recipient masked, subject, the reason in plain words, when), send one again, or mark an
 * unsure one as sent once they know it arrived. Each action is audited in the transaction that makes it, and happens
 * once: a second click finds the message already handled.
 *
 * <p>A message left unhandled loses its text, subject and address the sent-e-mail period after it was set aside
 * ({@link Retention#sentEmailDays}, the retention job). It stays on the page, saying so, and can be neither read nor
 * sent again: staff can only take it off the list (having reached the person another way if they still need to).
 */
public final class MailOperations {
    /** More than a page of problems means something bigger is wrong, which the alarms report. */
    static final int LIMIT = 200;

    private static final Words WORDS = Words.of("mail");
    private final Outbox outbox;
    private final Clock clock;
    private final Retention retention;

    /** With the default retention periods (tests). */
    public MailOperations(Outbox outbox, Clock clock) {
        this(outbox, clock, Retention.DEFAULTS);
    }

    /** @param retention how long an e-mail's text is kept, which the page tells staff when it has gone */
    public MailOperations(Outbox outbox, Clock clock, Retention retention) {
        this.outbox = outbox;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * One e-mail on the page: nothing in it but a masked address, the subject, and our own words.
     *
     * @param unreachable not tried because the address bounced or complained before: a task to reach the person by
     *     telephone or post, not a fault to send again
     * @param textDeleted the retention job removed its text, subject and address ({@code to} and {@code subject} are
     *     then empty): it can only be taken off the list
     */
    public record Problem(
            String id,
            String to,
            String subject,
            MailState state,
            String reason,
            String when,
            boolean unreachable,
            boolean textDeleted) {}

    /** One troubled e-mail in full, for the person who must pass on what it says another way. */
    public record Shown(Problem problem, String to, String text) {}

    public List<Problem> problems(StaffMember who) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        return outbox.troubled(LIMIT).stream().map(MailOperations::problem).toList();
    }

    private static Problem problem(TrackedMessage t) {
        boolean deleted = t.textDeleted();
        return new Problem(
                t.id(),
                deleted ? "" : masked(t.message().email().to()),
                deleted ? "" : t.message().email().subject(),
                t.state(),
                t.problem() == null
                        ? WORDS.get("problem.PROVIDER_ERROR")
                        : WORDS.get("problem." + t.problem().name()),
                t.changedAt() == null ? "" : UkTime.display(t.changedAt()),
                t.problem() == MailSender.Problem.ADDRESS_UNDELIVERABLE,
                deleted);
    }

    /**
     * How long an e-mail that was not sent keeps its text before the retention job removes it ("30 days"): the page
     * says so beside those whose text has gone.
     */
    public String textKeptFor() {
        return Retention.describe(retention.period(Retention.Kind.SENT_EMAILS));
    }

    /** A troubled e-mail with its full address and text (audited: it shows personal data to one person). */
    public Shown show(StaffMember who, String messageId) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        TrackedMessage t = withText(messageId);
        return new Shown(problem(t), t.message().email().to(), t.message().email().text());
    }

    /**
     * Staff told the person what an unreachable e-mail said, by telephone or post: it counts as sent (an
     * acknowledgement then counts as given), with who did it in the audit trail.
     */
    public void toldAnotherWay(StaffMember who, String messageId) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        TrackedMessage t = withText(messageId);
        if (t.problem() != MailSender.Problem.ADDRESS_UNDELIVERABLE)
            throw new Refused(WORDS.get("error.notUnreachable"));
        Instant now = clock.instant();
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "e-mail passed on by telephone or post",
                        record(messageId),
                        now,
                        t.state().name(),
                        MailState.SENT.name());
        if (!outbox.confirmSent(messageId, now, entry))
            throw new Refused(WORDS.get("error.alreadyHandled"));
    }

    public void sendAgain(StaffMember who, String messageId) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        TrackedMessage t = withText(messageId);
        Instant now = clock.instant();
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "e-mail sent again",
                        record(messageId),
                        now,
                        t.state().name(),
                        MailState.PENDING.name());
        if (!outbox.sendAgain(messageId, now, entry))
            throw new Refused(WORDS.get("error.alreadyHandled"));
    }

    public void markSent(StaffMember who, String messageId) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        TrackedMessage t = withText(messageId);
        if (t.state() != MailState.NEEDS_CHECKING) throw new Refused(WORDS.get("error.notUnsure"));
        Instant now = clock.instant();
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "e-mail marked as sent",
                        record(messageId),
                        now,
                        t.state().name(),
                        MailState.SENT.name());
        if (!outbox.confirmSent(messageId, now, entry))
            throw new Refused(WORDS.get("error.alreadyHandled"));
    }

    /**
     * Takes an e-mail whose text the retention job removed off the page, with who did it in the audit trail: there is
     * nothing left of it to read or send.
     */
    public void removeFromList(StaffMember who, String messageId) {
        who.require(Permission.MANAGE_EMAIL_DELIVERY);
        TrackedMessage t = troubled(messageId);
        if (!t.textDeleted()) throw new Refused(WORDS.get("error.textKept"));
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "e-mail taken off the problems list after its text was deleted",
                        record(messageId),
                        clock.instant(),
                        t.state().name(),
                        t.state().name() + ", OFF THE LIST");
        if (!outbox.removeFromList(messageId, entry))
            throw new Refused(WORDS.get("error.alreadyHandled"));
    }

    /** A troubled e-mail that still has its text: one whose text has gone is refused, saying why, in plain words. */
    private TrackedMessage withText(String messageId) {
        TrackedMessage t = troubled(messageId);
        if (t.textDeleted())
            throw new Refused(WORDS.format("error.textDeleted", "period", textKeptFor()));
        return t;
    }

    private TrackedMessage troubled(String messageId) {
        TrackedMessage t =
                outbox.tracked(messageId)
                        .orElseThrow(() -> new NotFound("No outbox message " + messageId));
        if (!t.state().troubled()) throw new Refused(WORDS.get("error.alreadyHandled"));
        return t;
    }

    /** The audit trail's record for a message: its id names what it is about, never a person. */
    static String record(String messageId) {
        return "mail:" + messageId;
    }

    /** "sam@example.org" as "s***@example.org": enough to tell messages apart, not enough to read an address. */
    public static String masked(String address) {
        if (address == null) return "";
        int at = address.lastIndexOf('@');
        if (at < 1) return "***";
        return address.charAt(0) + "***" + address.substring(at);
    }
}
