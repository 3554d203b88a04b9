package org.involve.handlers.views;

import java.util.List;
import org.involve.core.outbox.MailOperations;
import org.involve.core.outbox.MailState;
import org.involve.core.staff.StaffMember;

/** The e-mail problems page (template staff/email/problems.jte). */
public final class StaffEmailPages {
    public static final String AREA = "/staff/email";

    private StaffEmailPages() {}

    public record Problems(
            StaffMember member,
            List<MailOperations.Problem> failed,
            List<MailOperations.Problem> unsure,
            List<MailOperations.Problem> unreachable,
            String notice) {}

    public record Message(StaffMember member, MailOperations.Shown shown) {}

    public static String message(StaffMember member, MailOperations.Shown shown) {
        return Templates.render("staff/email/message.jte", new Message(member, shown));
    }

    public static String problems(
            StaffMember member, List<MailOperations.Problem> problems, String notice) {
        return Templates.render(
                "staff/email/problems.jte",
                new Problems(
                        member,
                        problems.stream()
                                .filter(p -> p.state() == MailState.FAILED && !p.unreachable())
                                .toList(),
                        problems.stream()
                                .filter(p -> p.state() == MailState.NEEDS_CHECKING)
                                .toList(),
                        problems.stream().filter(MailOperations.Problem::unreachable).toList(),
                        notice));
    }
}
