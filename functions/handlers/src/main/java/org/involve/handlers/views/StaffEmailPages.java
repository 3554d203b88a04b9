package org.involve.handlers.views;

import java.util.List;
import org.involve.core.outbox.MailOperations;
import org.involve.core.outbox.MailState;
import org.involve.core.staff.StaffMember;

/** The e-mail problems page (template staff/email/problems.jte). */
public final class StaffEmailPages {
    public static final String AREA = "/staff/email";

    private StaffEmailPages() {}

    /**
     * @param deleted e-mails whose text the retention job deleted, whatever state they were left in
     * @param keptFor how long an e-mail not sent keeps its text ("30 days"), said beside those
     */
    public record Problems(
            StaffMember member,
            List<MailOperations.Problem> failed,
            List<MailOperations.Problem> unsure,
            List<MailOperations.Problem> unreachable,
            List<MailOperations.Problem> deleted,
            String keptFor,
            String notice) {}

    public record Message(StaffMember member, MailOperations.Shown shown) {}

    public static String message(StaffMember member, MailOperations.Shown shown) {
        return Templates.render("staff/email/message.jte", new Message(member, shown));
    }

    public static String problems(
            StaffMember member,
            List<MailOperations.Problem> problems,
            String keptFor,
            String notice) {
        List<MailOperations.Problem> kept =
                problems.stream().filter(p -> !p.textDeleted()).toList();
        return Templates.render(
                "staff/email/problems.jte",
                new Problems(
                        member,
                        kept.stream()
                                .filter(p -> p.state() == MailState.FAILED && !p.unreachable())
                                .toList(),
                        kept.stream().filter(p -> p.state() == MailState.NEEDS_CHECKING).toList(),
                        kept.stream().filter(MailOperations.Problem::unreachable).toList(),
                        problems.stream().filter(MailOperations.Problem::textDeleted).toList(),
                        keptFor,
                        notice));
    }
}
