package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.ApplicationsForStaff.RoleCounts;
import org.involve.core.application.ApplicationsForStaff.Shown;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.HandlingFacts;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue.Held;
import org.involve.core.application.UnacknowledgedApplications.Waiting;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;
import org.involve.core.withdrawal.Withdrawal;

/**
 * The staff pages for applications: the overview, each role's applications, one application, entering an application
 * on the applicant's behalf, the talk-to-us-first queue and applications not yet acknowledged (templates in
 * staff/applications/). Names and contact details appear here, so only the staff group reaches these pages;
 * monitoring answers never do (an application does not hold them).
 */
public final class StaffApplicationPages {
    public static final String AREA = "/staff/applications";
    private static final Words APPLICATIONS = Words.of("applications");

    private StaffApplicationPages() {}

    public record Overview(
            StaffMember member, List<RoleCounts> roles, int held, int unacknowledged) {}

    public record ForRole(StaffMember member, ApplicationsForStaff.RoleApplications list) {}

    /**
     * One application: {@code about} is the summary at the top, {@code sections} the answers under their headings;
     * {@code withdrawHow} the question of the form recording a withdrawal, or null when it is too late for one.
     */
    public record ApplicationPage(
            StaffMember member,
            Shown shown,
            List<SummaryRow> about,
            List<Answers> sections,
            String notice,
            String monitoringLink,
            Field withdrawHow,
            String problem,
            String monitoringCode) {}

    public record Answers(String title, List<SummaryRow> rows) {}

    public record EnterForm(
            StaffMember member,
            EnteringForApplicant.Form form,
            Map<String, String> values,
            FieldErrors errors) {}

    public record Refusal(StaffMember member, Role role, List<String> reasons) {}

    /** @param afterTyping true when staff had filled in the form, so the page says nothing was saved */
    public record ClosedPage(
            StaffMember member, EnteringForApplicant.Entry.Closed closed, boolean afterTyping) {}

    public record HeldQueue(StaffMember member, List<Held> held, String notice) {}

    /** {@code problem}: someone else changed the application after this person's form was read. */
    public record TalkFirstForm(
            StaffMember member,
            Held held,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {}

    /** @param problem why nothing was done (someone else changed an application meanwhile), or null */
    public record SupportQueue(
            StaffMember member,
            List<SupportRequests.Request> requests,
            String notice,
            String problem) {}

    public record Unacknowledged(StaffMember member, List<Waiting> waiting, String notice) {}

    public record AcknowledgeForm(
            StaffMember member, Waiting waiting, Map<String, String> values, FieldErrors errors) {}

    public static String overview(
            StaffMember member, List<RoleCounts> roles, int held, int unacknowledged) {
        return Templates.render(
                "staff/applications/overview.jte",
                new Overview(member, roles, held, unacknowledged));
    }

    public static String forRole(StaffMember member, ApplicationsForStaff.RoleApplications list) {
        return Templates.render("staff/applications/forRole.jte", new ForRole(member, list));
    }

    /** @param monitoringLink the applicant's own equal opportunities link, shown when staff must pass it on; null otherwise */
    public static String application(
            StaffMember member, Shown shown, String notice, String monitoringLink) {
        return application(member, shown, notice, monitoringLink, null);
    }

    /**
     * The application as it is now, with {@code problem} at the top: someone else changed it after this person's page
     * was read, and nothing was done.
     */
    public static String application(
            StaffMember member, Shown shown, String notice, String monitoringLink, String problem) {
        return application(member, shown, notice, monitoringLink, null, problem);
    }

    /** @param monitoringCode the applicant's equal opportunities short code, shown when staff must pass it on */
    public static String application(
            StaffMember member,
            Shown shown,
            String notice,
            String monitoringLink,
            String monitoringCode,
            String problem) {
        Application a = shown.application();
        String acknowledged =
                !shown.acknowledged()
                        ? APPLICATIONS.get("page.application.notAcknowledged")
                        : HandlingFacts.of(a).acknowledged() == null
                                ? APPLICATIONS.get("page.application.acknowledged")
                                : APPLICATIONS.format(
                                        "page.application.acknowledgedHow",
                                        "how",
                                        HandlingFacts.of(a).acknowledged());
        List<SummaryRow> about =
                List.of(
                        aboutRow("name", a.answer(ApplicationForm.FULL_NAME)),
                        aboutRow("status", a.status().label()),
                        aboutRow("received", received(a)),
                        aboutRow("how", shown.howItCameIn()),
                        aboutRow("acknowledged", acknowledged),
                        aboutRow(
                                "talkedWith",
                                String.join(
                                        " ",
                                        Stream.of(
                                                        HandlingFacts.of(a).talkFirst(),
                                                        HandlingFacts.of(a).talkFirstBy())
                                                .filter(p -> p != null && !p.isEmpty())
                                                .toList())),
                        aboutRow("support", support(a)));
        List<Answers> sections =
                shown.sections().stream()
                        .map(
                                sec ->
                                        new Answers(
                                                sec.title(),
                                                sec.fields().stream()
                                                        .map(
                                                                f ->
                                                                        new SummaryRow(
                                                                                f.label(),
                                                                                shownAnswer(
                                                                                        f,
                                                                                        a.answer(
                                                                                                f
                                                                                                        .name()))))
                                                        .toList()))
                        .toList();
        return Templates.render(
                "staff/applications/application.jte",
                new ApplicationPage(
                        member,
                        shown,
                        about,
                        sections,
                        notice,
                        monitoringLink,
                        withdrawHow(a),
                        problem,
                        monitoringCode));
    }

    /** How the applicant told staff they withdraw: null once it is too late (an outcome, or ended already). */
    private static Field withdrawHow(Application a) {
        if (a.status() == Application.Status.APPOINTED || OutcomeFacts.decided(a)) return null;
        Words w = Words.of("withdrawal");
        return Field.radios(
                Withdrawal.HOW,
                w.get("field.how.label"),
                null,
                Withdrawal.STAFF_WAYS.stream()
                        .map(how -> new Field.Option(how, w.get("field.how." + how)))
                        .toList(),
                w.get("field.how.error"));
    }

    /** Whether a request for support or another format was done: blank when none was made. */
    private static String support(Application a) {
        if (SupportRequests.asked(a).isEmpty()) return "";
        String done = HandlingFacts.of(a).supportDone();
        return done != null ? done : APPLICATIONS.get("page.application.supportNotDone");
    }

    private static SummaryRow aboutRow(String key, String value) {
        return new SummaryRow(APPLICATIONS.get("page.application.row." + key), value);
    }

    private static String shownAnswer(Field f, String value) {
        if (value.isEmpty()) return APPLICATIONS.get("page.application.notAnswered");
        return f.kind() == Field.Kind.AGREE
                ? APPLICATIONS.get("page.application.agreed")
                : f.labelFor(value);
    }

    public static String enterForm(
            StaffMember member,
            EnteringForApplicant.Form form,
            Map<String, String> values,
            FieldErrors errors) {
        return Templates.render(
                "staff/applications/enter.jte", new EnterForm(member, form, values, errors));
    }

    public static String cannotApply(StaffMember member, Role r, List<String> reasons) {
        return Templates.render(
                "staff/applications/cannotApply.jte", new Refusal(member, r, reasons));
    }

    /** The role takes no applications now: said before the form is filled in, and again if it closed meanwhile. */
    public static String closed(
            StaffMember member, EnteringForApplicant.Entry.Closed closed, boolean afterTyping) {
        return Templates.render(
                "staff/applications/closed.jte", new ClosedPage(member, closed, afterTyping));
    }

    public static String supportQueue(
            StaffMember member, List<SupportRequests.Request> requests, String notice) {
        return supportQueue(member, requests, notice, null);
    }

    /** The list as it is now, with {@code problem} at the top. */
    public static String supportQueue(
            StaffMember member,
            List<SupportRequests.Request> requests,
            String notice,
            String problem) {
        return Templates.render(
                "staff/applications/support.jte",
                new SupportQueue(member, requests, notice, problem));
    }

    public static String heldQueue(StaffMember member, List<Held> held, String notice) {
        return Templates.render("staff/applications/held.jte", new HeldQueue(member, held, notice));
    }

    public static String talkFirstForm(
            StaffMember member, Held h, Map<String, String> values, FieldErrors errors) {
        return talkFirstForm(member, h, values, errors, null);
    }

    public static String talkFirstForm(
            StaffMember member,
            Held h,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return Templates.render(
                "staff/applications/talkFirst.jte",
                new TalkFirstForm(member, h, values, errors, problem));
    }

    public static String unacknowledged(StaffMember member, List<Waiting> waiting, String notice) {
        return Templates.render(
                "staff/applications/unacknowledged.jte",
                new Unacknowledged(member, waiting, notice));
    }

    public static String acknowledgeForm(
            StaffMember member, Waiting w, Map<String, String> values, FieldErrors errors) {
        return Templates.render(
                "staff/applications/acknowledge.jte",
                new AcknowledgeForm(member, w, values, errors));
    }

    /** The day the application was received, in UK time. */
    public static String received(Application a) {
        return ClosingTime.displayDate(a.submittedAt().atZone(ClosingTime.UK).toLocalDate());
    }

    /** How to reach the applicant, one line per way: their preferred way first. */
    public static List<String> contactLines(Application a) {
        String address =
                String.join(
                        ", ",
                        Stream.of(
                                        a.answer(ApplicationForm.ADDRESS_LINE_1),
                                        a.answer("addressLine2"),
                                        a.answer(ApplicationForm.TOWN),
                                        a.answer(ApplicationForm.POSTCODE))
                                .filter(x -> !x.isBlank())
                                .toList());
        String preferred = a.contactMethod() == null ? "" : a.contactMethod();
        List<String> first = new ArrayList<>(), rest = new ArrayList<>();
        if (!a.answer(ApplicationForm.PHONE).isEmpty()) {
            (preferred.equals("telephone") ? first : rest)
                    .add(
                            APPLICATIONS.format(
                                    "page.contact.phone",
                                    "phone",
                                    a.answer(ApplicationForm.PHONE)));
        }
        if (!a.answer(ApplicationForm.EMAIL).isEmpty()) {
            (preferred.equals("telephone") || preferred.equals("post") ? rest : first)
                    .add(
                            APPLICATIONS.format(
                                    "page.contact.email",
                                    "email",
                                    a.answer(ApplicationForm.EMAIL)));
        }
        if (!address.isEmpty())
            (preferred.equals("post") ? first : rest)
                    .add(APPLICATIONS.format("page.contact.address", "address", address));
        first.addAll(rest);
        return first;
    }
}
