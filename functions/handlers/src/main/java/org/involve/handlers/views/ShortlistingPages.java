package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.ApplicantResult;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.CriterionResult;
import org.involve.core.shortlisting.PanelScoring;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistDecision.About;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.StaffMember;

/**
 * The shortlisting pages (templates in staff/shortlisting/). Everything on them comes from anonymised papers, scores
 * and the role: an applicant is an anonymous id, a panel member is "You" or "Panel member 1". The staff-only parts
 * (recording the shortlist, preparing papers again) are offered only to those with RECORD_SHORTLIST, and their routes
 * check it again.
 */
public final class ShortlistingPages {
    public static final String AREA = StaffPaths.SHORTLISTING.template();
    private static final Words WORDS = Words.of("shortlisting");

    private ShortlistingPages() {}

    public static String base(String roleId) {
        return StaffPaths.SHORTLISTING_ROLE.fill(roleId);
    }

    /** A tag beside an applicant: what the panel should know about them at a glance. */
    public record Note(String text, String colour) {}

    // ---------- the panel's pages ----------

    public record Roles(StaffMember member, List<ShortlistingPanel.RoleProgress> roles) {}

    public record Papers(
            StaffMember member,
            ShortlistingPanel.Papers papers,
            ScoreScale scale,
            String notice,
            String problem) {}

    /** One applicant's sheet, with a question for each of the role's criteria. */
    public record Sheet(
            StaffMember member,
            ShortlistingPanel.Sheet sheet,
            FieldErrors errors,
            List<Question> questions,
            Field conflictNote,
            String conflictValue) {
        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }

        /** Scores are not given (the shortlist is recorded, or this panel member declared a conflict of interest). */
        public boolean readOnly() {
            return sheet.locked() || sheet.myConflict().isPresent();
        }

        public String conflictError() {
            return errors == null ? null : errors.asMap().get(PanelScoring.CONFLICT_NOTE);
        }

        /** What they said of themselves, each shown even when they said nothing. */
        public List<SummaryRow> about() {
            AnonymisedApplication a = sheet.paper();
            return List.of(
                    given("page.sheet.livedExperience", a.livedExperience()),
                    given("page.sheet.networks", a.networks()),
                    given("page.sheet.interests", a.interestAreas()));
        }

        public List<SummaryRow> priority() {
            return List.of(given("page.sheet.priority", sheet.paper().priorityConnection()));
        }

        private static SummaryRow given(String key, String value) {
            return new SummaryRow(
                    WORDS.get(key),
                    value == null || value.isBlank() ? WORDS.get("page.sheet.noneGiven") : value);
        }
    }

    /**
     * One criterion on the sheet: the applicant's answer as paragraphs of lines, the score question and its value, and
     * on a locked sheet the score given as text (blank for none).
     */
    public record Question(
            int number,
            Criterion criterion,
            List<List<String>> answer,
            Field field,
            String value,
            String error,
            String scoreGiven) {}

    public record Results(
            StaffMember member, ShortlistingPanel.Results results, ScoreScale scale) {}

    public static String roles(StaffMember member, List<ShortlistingPanel.RoleProgress> roles) {
        return Templates.render("staff/shortlisting/roles.jte", new Roles(member, roles));
    }

    public static String papers(
            StaffMember member,
            ShortlistingPanel.Papers p,
            ScoreScale scale,
            String notice,
            String problem) {
        return Templates.render(
                "staff/shortlisting/papers.jte", new Papers(member, p, scale, notice, problem));
    }

    /** One applicant's answers, each beside a score from the scale; the scores given so far are kept on a second try. */
    public static String sheet(
            StaffMember member,
            ShortlistingPanel.Sheet sheet,
            ScoreScale scale,
            Map<String, String> posted,
            FieldErrors errors) {
        List<Question> questions = new ArrayList<>();
        int n = 0;
        // A refused conflict of interest posts no scores: those saved are shown again.
        boolean scoresPosted =
                posted != null
                        && posted.keySet().stream()
                                .anyMatch(k -> k.startsWith(ShortlistingPanel.FIELD_PREFIX));
        for (Criterion c : sheet.role().criteria()) {
            String name = ShortlistingPanel.FIELD_PREFIX + c.id();
            String value =
                    scoresPosted
                            ? posted.getOrDefault(name, "")
                            : sheet.myScores().containsKey(c.id())
                                    ? String.valueOf(sheet.myScores().get(c.id()))
                                    : "";
            questions.add(
                    new Question(
                            ++n,
                            c,
                            paragraphs(sheet.paper().answerTo(c)),
                            scoreField(name, c, scale),
                            value,
                            errors == null ? null : errors.asMap().get(name),
                            // Only a locked sheet shows the score as text; there it is one saved,
                            // so on the scale.
                            sheet.locked() && !value.isEmpty()
                                    ? scoreOption(Integer.parseInt(value), scale)
                                    : ""));
        }
        Field conflictNote =
                Field.textarea(
                        PanelScoring.CONFLICT_NOTE,
                        WORDS.get("page.sheet.conflict.label"),
                        WORDS.get("page.sheet.conflict.hint"),
                        false,
                        Conflict.NOTE_LENGTH,
                        "");
        String conflictValue =
                posted == null ? "" : posted.getOrDefault(PanelScoring.CONFLICT_NOTE, "");
        return Templates.render(
                "staff/shortlisting/sheet.jte",
                new Sheet(member, sheet, errors, questions, conflictNote, conflictValue));
    }

    public static String results(
            StaffMember member, ShortlistingPanel.Results results, ScoreScale scale) {
        return Templates.render(
                "staff/shortlisting/results.jte", new Results(member, results, scale));
    }

    // ---------- staff: recording the shortlist ----------

    public static final String HIGH_VOLUME = "highVolume",
            HIGH_VOLUME_REASON = "highVolumeReason",
            INVITE_PREFIX = "invite-";

    /** The shortlist form with its two high-volume questions, or the recorded decision. */
    public record Shortlist(
            StaffMember member,
            ShortlistRecording.Proposal proposal,
            Map<String, String> posted,
            List<ShortlistDecision.Reason> problems,
            String notice,
            Field highVolume,
            Field highVolumeReason) {
        public boolean hasErrors() {
            return problems != null && !problems.isEmpty();
        }

        /** Whether a problem is about who is ticked (the boxes show as in error), not only the high-volume reason. */
        public boolean choiceHasErrors() {
            return hasErrors()
                    && problems.stream().anyMatch(p -> p.about() != About.HIGH_VOLUME_REASON);
        }

        /** The high-volume reason's own error, shown at the question, or null. */
        public String highVolumeReasonError() {
            if (!hasErrors()) return null;
            return problems.stream()
                    .filter(p -> p.about() == About.HIGH_VOLUME_REASON)
                    .map(ShortlistDecision.Reason::message)
                    .findFirst()
                    .orElse(null);
        }

        /**
         * Where each of the error summary's links goes: a problem with one applicant to that applicant's box, the
         * missing high-volume reason to its question, anything else to the first applicant's box.
         */
        public List<ErrorLink> errorLinks() {
            if (!hasErrors()) return List.of();
            if (proposal.results().isEmpty()) {
                return ErrorLink.allTo(
                        "main-content",
                        problems.stream().map(ShortlistDecision.Reason::message).toList());
            }
            String first = INVITE_PREFIX + proposal.results().get(0).applicantId();
            return problems.stream()
                    .map(p -> new ErrorLink(anchor(p, first), p.message()))
                    .toList();
        }

        private String anchor(ShortlistDecision.Reason p, String first) {
            return switch (p.about()) {
                case APPLICANT ->
                        proposal.results().stream()
                                        .anyMatch(a -> a.applicantId().equals(p.applicantId()))
                                ? INVITE_PREFIX + p.applicantId()
                                : first;
                case HIGH_VOLUME_REASON -> HIGH_VOLUME_REASON;
                case CHOICE -> first;
            };
        }

        /** Disability Confident applicants who meet every essential criterion start ticked; after a refusal, the ticks are as sent. */
        public boolean ticked(ApplicantResult a) {
            return posted == null
                    ? a.guaranteedInterview()
                    : "yes".equals(posted.get(INVITE_PREFIX + a.applicantId()));
        }

        public String value(String field) {
            return posted == null ? "" : posted.getOrDefault(field, "");
        }
    }

    public static String shortlist(
            StaffMember member,
            ShortlistRecording.Proposal p,
            Map<String, String> posted,
            List<ShortlistDecision.Reason> problems,
            String notice) {
        Field highVolume =
                Field.agree(HIGH_VOLUME, WORDS.get("page.shortlist.highVolumeLabel"), null, "");
        Field reason =
                Field.textarea(
                        HIGH_VOLUME_REASON,
                        WORDS.get("page.shortlist.reasonLabel"),
                        WORDS.get("page.shortlist.reasonHint"),
                        false,
                        500,
                        "");
        return Templates.render(
                "staff/shortlisting/shortlist.jte",
                new Shortlist(member, p, posted, problems, notice, highVolume, reason));
    }

    // ---------- pieces the templates share ----------

    /** The tags beside an applicant in the results and on the shortlist form. */
    public static List<Note> notes(ApplicantResult a, Role r) {
        List<Note> notes = new ArrayList<>();
        if (a.guaranteedInterview())
            notes.add(new Note(WORDS.get("page.note.guaranteed"), "purple"));
        if (a.priorityConnection() && !r.priorityCommunities().isEmpty())
            notes.add(new Note(WORDS.get("page.note.priority"), "blue"));
        if (!a.fullyScored()) notes.add(new Note(WORDS.get("page.note.notFullyScored"), "grey"));
        else if (!a.meetsAllEssentials())
            notes.add(new Note(WORDS.get("page.note.notEssentials"), "white"));
        if (a.conflicts() > 0)
            notes.add(
                    new Note(
                            a.conflicts() == 1
                                    ? WORDS.get("page.note.conflictOne")
                                    : WORDS.format(
                                            "page.note.conflictMany", "count", a.conflicts()),
                            "grey"));
        if (a.hasDisagreement()) {
            int n = a.disagreements().size();
            notes.add(
                    new Note(
                            n == 1
                                    ? WORDS.get("page.note.differsOne")
                                    : WORDS.format("page.note.differsMany", "count", n),
                            "orange"));
        }
        return notes;
    }

    /** Each panel member's score for a criterion, "You: 3, Panel member 1: 1", or blank when nobody has scored it. */
    public static String given(ShortlistingPanel.Results results, CriterionResult c) {
        return String.join(
                ", ",
                c.pointsByPanelMember().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(
                                e ->
                                        WORDS.format(
                                                "page.results.given",
                                                "member",
                                                results.label(e.getKey()),
                                                "points",
                                                e.getValue()))
                        .toList());
    }

    /** A total or an average: whole numbers as they are, others to one decimal place. */
    public static String total(double value) {
        return value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.format(Locale.UK, "%.1f", value);
    }

    /** "2 - Meets the criterion": a score as the panel chooses it. */
    public static String scoreOption(int points, ScoreScale scale) {
        return WORDS.format(
                "page.sheet.scoreOption", "score", points, "label", scale.label(points));
    }

    private static Field scoreField(String name, Criterion c, ScoreScale scale) {
        List<Field.Option> options =
                IntStream.rangeClosed(0, scale.highest())
                        .mapToObj(i -> new Field.Option(String.valueOf(i), scoreOption(i, scale)))
                        .toList();
        return Field.radios(
                name,
                WORDS.format("page.sheet.scoreLabel", "criterion", c.statement()),
                null,
                options,
                "");
    }

    /** An answer as paragraphs (split on blank lines), each a list of lines; empty for no answer. */
    private static List<List<String>> paragraphs(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.strip().split("\\n\\s*\\n"))
                .map(p -> List.of(p.strip().split("\n", -1)))
                .toList();
    }
}
