package org.involve.handlers.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewTime;
import org.involve.core.interviews.Interviews;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.StaffMember;

/**
 * The staff interview pages (templates in staff/interviews/): roles at interview stage, and one role's times,
 * invitations, tasks and bookings.
 */
public final class InterviewPages {
    public static final String AREA = StaffPaths.INTERVIEWS.template();
    private static final Words WORDS = Words.of("interviews");

    private InterviewPages() {}

    public record Roles(StaffMember member, List<Interviews.Listed> roles) {}

    public static String list(StaffMember member, List<Interviews.Listed> roles) {
        return Templates.render("staff/interviews/roles.jte", new Roles(member, roles));
    }

    /** What the board's two forms were sent with, and their errors, to show again on a refusal. */
    public record Forms(
            Map<String, String> slot,
            FieldErrors slotErrors,
            Map<String, String> booking,
            FieldErrors bookingErrors) {
        public static final Forms NONE =
                new Forms(Map.of(Interviews.LENGTH, "45"), null, Map.of(), null);

        public boolean hasErrors() {
            return slotErrors != null && !slotErrors.isEmpty()
                    || bookingErrors != null && !bookingErrors.isEmpty();
        }

        public String slotError(String field) {
            return slotErrors == null ? null : slotErrors.asMap().get(field);
        }

        public String bookingError(String field) {
            return bookingErrors == null ? null : bookingErrors.asMap().get(field);
        }
    }

    /** One role's board, with the questions of its forms (their words from the content file). */
    public record Board(
            StaffMember member,
            Interviews.Board board,
            String notice,
            String problem,
            Forms forms,
            Field start,
            Field length,
            Field adjustments) {
        public boolean hasErrors() {
            return problem != null || forms.hasErrors();
        }

        /** The date question's hint: a day in the interview week, and an example written as the boxes want it. */
        public String dateHint() {
            LocalDate week = board.role().interviewWeekCommencing();
            LocalDate example = week.plusDays(1);
            return WORDS.format(
                    "page.board.dateHint",
                    "week",
                    ClosingTime.displayDate(week),
                    "example",
                    example.getDayOfMonth() + " " + week.getMonthValue() + " " + week.getYear());
        }

        /** Whom the team may book a time for, as the applicant question offers them. */
        public List<Field.Option> applicants() {
            return board.unbooked().stream()
                    .map(
                            a ->
                                    new Field.Option(
                                            a.reference(),
                                            WORDS.format(
                                                    "page.board.applicantOption",
                                                    "name",
                                                    name(a),
                                                    "reference",
                                                    a.reference())))
                    .toList();
        }

        public List<Field.Option> freeTimes() {
            return board.freeSlots().stream()
                    .map(s -> new Field.Option(s.slotId(), s.describe()))
                    .toList();
        }
    }

    public static String board(
            StaffMember member, Interviews.Board b, String notice, String problem, Forms forms) {
        Field start =
                Field.text(
                        Interviews.START,
                        WORDS.get("page.board.startLabel"),
                        WORDS.get("page.board.startHint"),
                        true,
                        10,
                        null,
                        "");
        Field length =
                new Field(
                        Interviews.LENGTH,
                        WORDS.get("page.board.lengthLabel"),
                        WORDS.get("page.board.lengthHint"),
                        Field.Kind.NUMBER,
                        true,
                        3,
                        List.of(),
                        null,
                        "");
        Field adjustments =
                Field.textarea(
                        Interviews.GIVEN_ADJUSTMENTS,
                        WORDS.get("page.board.adjustmentsLabel"),
                        WORDS.get("page.board.adjustmentsHint"),
                        false,
                        Interviews.ADJUSTMENTS_LENGTH,
                        "");
        return Templates.render(
                "staff/interviews/board.jte",
                new Board(member, b, notice, problem, forms, start, length, adjustments));
    }

    public static String name(Application a) {
        return a.answer(ApplicationForm.FULL_NAME);
    }

    /** How the team is to reach someone who asked for telephone or post. */
    public static String reach(Application a) {
        if ("telephone".equals(a.contactMethod()))
            return WORDS.format("page.board.byTelephone", "phone", a.answer(ApplicationForm.PHONE));
        return WORDS.format(
                "page.board.byPost",
                "address",
                String.join(
                        ", ",
                        Stream.of(
                                        a.answer(ApplicationForm.ADDRESS_LINE_1),
                                        a.answer("addressLine2"),
                                        a.answer(ApplicationForm.TOWN),
                                        a.answer(ApplicationForm.POSTCODE))
                                .filter(p -> !p.isBlank())
                                .toList()));
    }

    /** A time recorded on the application, in UK time, or blank. */
    public static String at(Instant instant) {
        return instant == null ? "" : InterviewTime.display(instant);
    }

    /** Until when the booking link sent to this applicant works, or blank. */
    public static String linkWorksUntil(Application a) {
        Instant expires = InterviewFacts.of(a).linkExpiresAt();
        return expires == null ? "" : InterviewTime.until(expires);
    }
}
