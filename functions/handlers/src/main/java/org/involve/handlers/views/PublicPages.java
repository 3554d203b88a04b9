package org.involve.handlers.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleSummary;

/** The public pages (templates in apply/): open roles, a role's full details, the application in sections, and what follows it. */
public final class PublicPages {
    private static final Words WORDS = Words.of("apply");

    private PublicPages() {}

    /** A role's page: its facts as a summary list, its criteria, and who cannot apply (by the role's eligibility). */
    public record RoleDetails(
            Role role,
            boolean open,
            List<SummaryRow> facts,
            List<String> essential,
            List<String> desirable,
            List<String> cannotApply,
            List<SummaryRow> inShort) {}

    public record SectionPage(
            Role role,
            Section section,
            int number,
            int of,
            Map<String, String> values,
            FieldErrors errors,
            String back,
            String keptUntil,
            boolean expiresSoon,
            boolean saveForLater) {}

    /** One line of the task list: a section, its status, and its link when it can be started. */
    public record Task(String id, String title, String status, String href) {
        public boolean completed() {
            return STATUS_COMPLETED.equals(status);
        }

        public boolean notStarted() {
            return STATUS_NOT_STARTED.equals(status);
        }
    }

    static final String STATUS_COMPLETED = "completed",
            STATUS_IN_PROGRESS = "inProgress",
            STATUS_NOT_STARTED = "notStarted",
            STATUS_CANNOT_START = "cannotStart";

    public record TaskList(
            Role role,
            List<Task> tasks,
            int done,
            boolean complete,
            String keptUntil,
            boolean expiresSoon,
            boolean offered,
            java.util.Optional<org.involve.core.application.SaveAndReturn.Details> details,
            String email) {
        /** The first section still to do, where "Carry on" leads. */
        public String next() {
            return tasks.stream()
                    .filter(t -> !t.completed() && t.href() != null)
                    .map(Task::href)
                    .findFirst()
                    .orElse(null);
        }
    }

    public record SaveLink(
            Role role,
            boolean offered,
            String email,
            FieldErrors errors,
            String keptUntil,
            java.util.Optional<org.involve.core.application.SaveAndReturn.Details> details) {}

    public record ContinueApplication(
            Section section, Map<String, String> values, FieldErrors errors) {}

    /** A page that links to one role (or to the open roles when there is none), with plain paragraphs. */
    public record RoleMessage(
            String title, List<String> paragraphs, Role role, String linkText, String href) {}

    /** One section's answers, each with a link back to change it. */
    public record CheckedSection(String title, List<SummaryRow> rows) {}

    public record CheckAnswers(
            Role role, List<CheckedSection> sections, String problem, String back) {}

    /** The page after sending: from what was sent, the same whether the application was new or a repeat. */
    public record Confirmation(ApplicationJourney.Sent sent) {}

    public record CannotApply(Role role, List<String> reasons) {}

    public record Message(String title, List<String> paragraphs) {}

    /** The page for answers posted with no draft to keep them: what was typed, to copy. */
    public record NotSaved(Role role, List<SummaryRow> typed) {}

    public static String openRoles(List<Role> roles) {
        return Templates.render("apply/openRoles.jte", roles);
    }

    public static String roleDetails(Role role, boolean open) {
        String places =
                role.placesNote() == null || role.placesNote().isBlank()
                        ? String.valueOf(role.places())
                        : WORDS.format(
                                "page.role.placesWithNote",
                                "places",
                                role.places(),
                                "note",
                                role.placesNote());
        List<SummaryRow> facts =
                List.of(
                        new SummaryRow(WORDS.get("page.role.places"), places),
                        new SummaryRow(
                                WORDS.get("page.role.timeCommitment"),
                                role.commitment().timeAsked()),
                        new SummaryRow(
                                WORDS.get("page.role.meetings"), role.commitment().meetings()),
                        new SummaryRow(
                                WORDS.get("page.role.attendance"),
                                role.commitment().attendanceExpectation()),
                        new SummaryRow(WORDS.get("page.role.payment"), role.payment().describe()),
                        new SummaryRow(WORDS.get("page.role.howLong"), role.tenure().describe()),
                        new SummaryRow(
                                WORDS.get("page.role.closingDate"), role.closingTime().display()),
                        new SummaryRow(
                                WORDS.get("page.role.interviews"),
                                WORDS.format(
                                        "page.role.interviewsValue",
                                        "format",
                                        role.interviewFormat(),
                                        "week",
                                        ClosingTime.displayDate(role.interviewWeekCommencing()))),
                        new SummaryRow(
                                WORDS.get("page.role.references"),
                                WORDS.format(
                                        "page.role.referencesValue",
                                        "count",
                                        role.referencesRequired())));
        List<String> cannotApply =
                List.of(
                        WORDS.get("page.role.cannot.board"),
                        WORDS.get(
                                role.eligibility().excludesAllNhsStaff()
                                        ? "page.role.cannot.allNhsStaff"
                                        : "page.role.cannot.nhsEnglandStaff"),
                        WORDS.get("page.role.cannot.professional"),
                        WORDS.get("page.role.cannot.politician"));
        return Templates.render(
                "apply/roleDetails.jte",
                new RoleDetails(
                        role,
                        open,
                        facts,
                        role.essentialCriteria().map(c -> c.statement()).toList(),
                        role.desirableCriteria().map(c -> c.statement()).toList(),
                        cannotApply,
                        inShort(RoleSummary.of(role))));
    }

    /** The three lines at the top of the role page: what you would do, what you would get, who cannot apply. */
    static List<SummaryRow> inShort(RoleSummary s) {
        return List.of(
                new SummaryRow(WORDS.get("page.role.summary.do.label"), s.whatYouWouldDo()),
                new SummaryRow(WORDS.get("page.role.summary.get.label"), s.whatYouWouldGet()),
                new SummaryRow(WORDS.get("page.role.summary.cannot.label"), s.whoCannotApply()));
    }

    public static String section(
            Role role,
            Section section,
            int number,
            int of,
            Map<String, String> values,
            FieldErrors errors,
            String back,
            Instant keptUntil,
            boolean expiresSoon,
            boolean saveForLater) {
        return Templates.render(
                "apply/section.jte",
                new SectionPage(
                        role,
                        section,
                        number,
                        of,
                        values,
                        errors,
                        back,
                        keptUntil == null
                                ? null
                                : ClosingTime.displayDate(
                                        keptUntil.atZone(ClosingTime.UK).toLocalDate()),
                        expiresSoon,
                        saveForLater));
    }

    public static String checkAnswers(
            Role role, List<Section> sections, ApplicationDraft draft, String problem) {
        List<CheckedSection> checked = new ArrayList<>();
        for (Section sec : sections) {
            List<SummaryRow> rows = new ArrayList<>();
            for (Field f : sec.fields()) {
                String v = draft.answers().getOrDefault(f.name(), "");
                String shown =
                        v.isEmpty()
                                ? WORDS.get("page.check.notAnswered")
                                : f.kind() == Field.Kind.AGREE
                                        ? WORDS.get("page.check.agreed")
                                        : f.labelFor(v);
                rows.add(
                        new SummaryRow(
                                f.label(),
                                shown,
                                "/roles/" + role.id() + "/apply/" + sec.id() + "#" + f.name(),
                                SummaryRow.inSentence(f.labelWithoutNote())));
            }
            checked.add(new CheckedSection(sec.title(), rows));
        }
        String back = "/roles/" + role.id() + "/apply/" + sections.get(sections.size() - 1).id();
        return Templates.render(
                "apply/checkAnswers.jte", new CheckAnswers(role, checked, problem, back));
    }

    public static String confirmation(ApplicationJourney.Sent sent) {
        return Templates.render("apply/confirmation.jte", new Confirmation(sent));
    }

    public static String cannotApply(Role role, List<String> reasons) {
        return Templates.render("apply/cannotApply.jte", new CannotApply(role, reasons));
    }

    /** A page of plain paragraphs and a link to the open roles: for refusals and faults on the public site. */
    public static String message(String title, String... paragraphs) {
        return Templates.render("apply/message.jte", new Message(title, List.of(paragraphs)));
    }

    /**
     * A page posted when its draft had gone (expired, or another browser): says the answers could not be saved and
     * shows what was typed on it (escaped like every value), so the person can copy it.
     */
    public static String notSaved(
            Role role, java.util.Optional<Section> section, Map<String, String> posted) {
        List<SummaryRow> rows = new ArrayList<>();
        section.ifPresent(
                sec ->
                        ApplicationJourney.typed(sec, posted)
                                .forEach(
                                        e ->
                                                rows.add(
                                                        new SummaryRow(
                                                                e.getKey().label(),
                                                                e.getKey().kind()
                                                                                == Field.Kind.AGREE
                                                                        ? WORDS.get(
                                                                                "page.check.agreed")
                                                                        : e.getKey()
                                                                                .labelFor(
                                                                                        e
                                                                                                .getValue())))));
        return Templates.render("apply/notSaved.jte", new NotSaved(role, rows));
    }

    private static String date(Instant at) {
        return at == null ? null : ClosingTime.displayDate(at.atZone(ClosingTime.UK).toLocalDate());
    }

    /**
     * The task list (the GOV.UK "complete multiple tasks" pattern): sections before the first unfinished one are
     * completed, that one is in progress or not started, and later ones cannot be started yet unless already done.
     */
    public static String taskList(
            Role role,
            List<Section> sections,
            ApplicationDraft draft,
            java.util.Optional<String> firstIncomplete,
            java.util.Optional<org.involve.core.application.SaveAndReturn.Details> details,
            boolean expiresSoon) {
        List<Task> tasks = new ArrayList<>();
        boolean reached = false;
        int done = 0;
        for (Section sec : sections) {
            String href = "/roles/" + role.id() + "/apply/" + sec.id();
            String status;
            if (firstIncomplete.isPresent() && firstIncomplete.get().equals(sec.id())) {
                reached = true;
                boolean begun =
                        draft.completedSections().contains(sec.id())
                                || sec.fields().stream()
                                        .anyMatch(
                                                f ->
                                                        !draft.answers()
                                                                .getOrDefault(f.name(), "")
                                                                .isEmpty());
                status = begun ? STATUS_IN_PROGRESS : STATUS_NOT_STARTED;
            } else if (!reached || draft.completedSections().contains(sec.id())) {
                status = STATUS_COMPLETED;
            } else {
                status = STATUS_CANNOT_START;
                href = null;
            }
            if (STATUS_COMPLETED.equals(status)) done++;
            tasks.add(new Task(sec.id(), sec.title(), status, href));
        }
        return Templates.render(
                "apply/taskList.jte",
                new TaskList(
                        role,
                        tasks,
                        done,
                        firstIncomplete.isEmpty(),
                        date(draft.expiresAt()),
                        expiresSoon,
                        org.involve.core.application.SaveAndReturn.offered(draft),
                        details,
                        draft.answers().getOrDefault(ApplicationForm.EMAIL, "")));
    }

    public static String saveLink(
            Role role,
            ApplicationDraft draft,
            boolean offered,
            String email,
            FieldErrors errors,
            java.util.Optional<org.involve.core.application.SaveAndReturn.Details> details) {
        return Templates.render(
                "apply/saveLink.jte",
                new SaveLink(role, offered, email, errors, date(draft.expiresAt()), details));
    }

    public static String saveLinkSent(Role role, String email) {
        return Templates.render(
                "apply/roleMessage.jte",
                new RoleMessage(
                        WORDS.get("page.saveLink.sent.title"),
                        List.of(
                                WORDS.format("page.saveLink.sent.body", "email", email),
                                WORDS.get("page.saveLink.sent.spam")),
                        role,
                        WORDS.get("page.saveLink.back"),
                        org.involve.core.paths.PublicPaths.TASK_LIST.fill(role.id())));
    }

    public static String saveLinkTooMany(Role role, int count) {
        return Templates.render(
                "apply/roleMessage.jte",
                new RoleMessage(
                        WORDS.get("page.saveLink.tooMany.title"),
                        List.of(WORDS.format("page.saveLink.tooMany.body", "count", count)),
                        role,
                        WORDS.get("page.saveLink.back"),
                        org.involve.core.paths.PublicPaths.TASK_LIST.fill(role.id())));
    }

    /** The e-mail's link when it no longer works: a link to the role (or the open roles, if it is not known). */
    public static String linkGone(java.util.Optional<Role> role) {
        return continueLinkRefused("gone", role);
    }

    /** A continue link that is not one of ours: said plainly, rather than that it no longer works. */
    public static String linkNotRecognised(java.util.Optional<Role> role) {
        return continueLinkRefused("unknown", role);
    }

    private static String continueLinkRefused(String why, java.util.Optional<Role> role) {
        return Templates.render(
                "apply/roleMessage.jte",
                new RoleMessage(
                        WORDS.get("page.continueLink." + why + ".title"),
                        List.of(WORDS.get("page.continueLink." + why + ".body")),
                        role.orElse(null),
                        role.map(
                                        r ->
                                                WORDS.format(
                                                        "page.continueLink.gone.role",
                                                        "role",
                                                        r.title()))
                                .orElse(WORDS.get("page.continue.openRoles")),
                        role.map(r -> org.involve.core.paths.PublicPaths.ROLE.fill(r.id()))
                                .orElse(org.involve.core.paths.PublicPaths.ROLES.fill())));
    }

    public static String continueApplication(Map<String, String> values, FieldErrors errors) {
        Section section =
                new Section(
                        "continue",
                        WORDS.get("page.continue.title"),
                        WORDS.get("page.continue.intro"),
                        org.involve.core.application.SaveAndReturn.codeFields());
        return Templates.render(
                "apply/continue.jte", new ContinueApplication(section, values, errors));
    }

    public static String continueTooMany() {
        return Templates.render(
                "apply/roleMessage.jte",
                new RoleMessage(
                        WORDS.get("page.continue.tooMany.title"),
                        List.of(WORDS.get("page.continue.tooMany.body")),
                        null,
                        WORDS.get("page.continue.openRoles"),
                        org.involve.core.paths.PublicPaths.ROLES.fill()));
    }
}
