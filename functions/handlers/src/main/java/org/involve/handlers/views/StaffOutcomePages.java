package org.involve.handlers.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Words;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/** The outcome pages: applicants of closed roles without an outcome, one role's outcomes, and sending them (templates in staff/outcomes/). */
public final class StaffOutcomePages {
    public static final String AREA = "/staff/outcomes";
    private static final Words OUTCOMES = Words.of("outcomes");

    private StaffOutcomePages() {}

    /** The applicants without an outcome, by role in the order given. */
    public record WithoutOutcome(
            StaffMember member, int applicants, Map<Role, List<Outcomes.Waiting>> byRole) {}

    /** {@code problem}: why what was asked was not done (the application changed meanwhile). */
    public record RolePage(
            StaffMember member, Outcomes.RoleOutcomes outcomes, String notice, String problem) {}

    public record Task(Role role, Application application) {}

    /** {@code problem}: the list to send changed after this person's page was read. */
    public record ConfirmSend(
            StaffMember member,
            Outcomes.RoleOutcomes outcomes,
            int emails,
            int tasks,
            String problem) {}

    public static String withoutOutcome(StaffMember member, List<Outcomes.Waiting> waiting) {
        Map<Role, List<Outcomes.Waiting>> byRole =
                waiting.stream()
                        .collect(
                                Collectors.groupingBy(
                                        Outcomes.Waiting::role,
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        return Templates.render(
                "staff/outcomes/withoutOutcome.jte",
                new WithoutOutcome(member, waiting.size(), byRole));
    }

    public static String role(StaffMember member, Outcomes.RoleOutcomes o, String notice) {
        return role(member, o, notice, null);
    }

    public static String role(
            StaffMember member, Outcomes.RoleOutcomes o, String notice, String problem) {
        return Templates.render(
                "staff/outcomes/role.jte", new RolePage(member, o, notice, problem));
    }

    /** A staff task: who, how to reach them, and the button that records it is done. */
    public static String task(Role role, Application a) {
        return Templates.render("staff/outcomes/task.jte", new Task(role, a));
    }

    public static String confirmSend(StaffMember member, Outcomes.RoleOutcomes o) {
        return confirmSend(member, o, null);
    }

    public static String confirmSend(StaffMember member, Outcomes.RoleOutcomes o, String problem) {
        int emails = (int) o.toSend().stream().filter(OutcomeFacts::byEmail).count();
        return Templates.render(
                "staff/outcomes/confirmSend.jte",
                new ConfirmSend(member, o, emails, o.toSend().size() - emails, problem));
    }

    /** The applicant's place in the round, and whether a staff task is waiting. */
    public static String where(Application a) {
        return OutcomeFacts.taskOpen(a)
                ? OUTCOMES.format(
                        "page.where.taskOpen",
                        "status",
                        a.status().label(),
                        "outcome",
                        OutcomeFacts.of(a).outcome(),
                        "method",
                        a.contactMethod())
                : a.status().label();
    }

    /** How the applicant was told: "Unsuccessful, by email". */
    public static String outcomeWords(Application a) {
        String o = OutcomeFacts.of(a).outcome();
        String how =
                OutcomeFacts.of(a).toldByEmail()
                        ? OUTCOMES.get("page.role.heard.byEmail")
                        : OUTCOMES.format("page.role.heard.by", "method", a.contactMethod());
        String outcome =
                o == null || o.isEmpty()
                        ? OUTCOMES.get("page.role.heard.told")
                        : Character.toUpperCase(o.charAt(0)) + o.substring(1);
        return OUTCOMES.format("page.role.heard.outcome", "outcome", outcome, "how", how);
    }

    /** How to reach an applicant who asked for telephone or post. */
    public static String how(Application a) {
        if ("telephone".equals(a.contactMethod()))
            return OUTCOMES.format("page.task.telephone", "phone", a.answer(ApplicationForm.PHONE));
        return OUTCOMES.format(
                "page.task.write",
                "address",
                String.join(
                        ", ",
                        List.of(
                                        a.answer(ApplicationForm.ADDRESS_LINE_1),
                                        a.answer("addressLine2"),
                                        a.answer(ApplicationForm.TOWN),
                                        a.answer(ApplicationForm.POSTCODE))
                                .stream()
                                .filter(x -> !x.isBlank())
                                .toList()));
    }

    /** "today", "yesterday", "3 days ago", "2 weeks ago". */
    public static String ago(long days) {
        if (days == 0) return OUTCOMES.get("page.without.ago.today");
        if (days == 1) return OUTCOMES.get("page.without.ago.yesterday");
        if (days < 14) return OUTCOMES.format("page.without.ago.days.many", "count", days);
        long weeks = days / 7;
        return OUTCOMES.format(
                weeks == 1 ? "page.without.ago.weeks.one" : "page.without.ago.weeks.many",
                "count",
                weeks);
    }

    /** "1 applicant", "3 applicants". */
    public static String applicants(int n) {
        return OUTCOMES.format(
                n == 1 ? "page.without.applicants.one" : "page.without.applicants.many",
                "count",
                n);
    }
}
