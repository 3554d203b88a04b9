package org.involve.handlers.views;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.InterviewTime;
import org.involve.core.interviews.Interviews;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.involve.core.kit.Html.escape;

/** The staff interview pages: roles at interview stage, and one role's times, invitations, tasks and bookings. */
public final class InterviewPages {
    public static final String AREA = "/staff/interviews";

    private InterviewPages() {}

    public static String list(StaffMember member, List<Interviews.Listed> roles) {
        StringBuilder s = new StringBuilder("<h1>Interviews</h1><p>Roles whose applications have closed. Set the interview times, "
                + "invite the applicants the panel chose, and see who has booked.</p>");
        if (roles.isEmpty()) return StaffLayout.widePage(member, AREA, "Interviews", false, null, s.append("<p>No role has closed yet.</p>").toString());
        s.append(table("Roles at interview stage", List.of("Role", "Interview week", "Times set", "Invited, not booked", "Booked"), roles, l -> List.of(
                "<a href=\"/staff/interviews/" + escape(l.role().id()) + "\">" + escape(l.role().title()) + "</a>",
                escape(ClosingTime.displayDate(l.role().interviewWeekCommencing())),
                String.valueOf(l.slots()), String.valueOf(l.invited()), String.valueOf(l.booked()))));
        return StaffLayout.widePage(member, AREA, "Interviews", false, null, s.toString());
    }

    /** What the board's two forms were sent with, and their errors, to show again on a refusal. */
    public record Forms(Map<String, String> slot, FieldErrors slotErrors, Map<String, String> booking, FieldErrors bookingErrors) {
        public static final Forms NONE = new Forms(Map.of(Interviews.LENGTH, "45"), null, Map.of(), null);

        boolean hasErrors() {
            return slotErrors != null && !slotErrors.isEmpty() || bookingErrors != null && !bookingErrors.isEmpty();
        }
    }

    public static String board(StaffMember member, Interviews.Board b, String notice, String problem, Forms forms) {
        Role role = b.role();
        String id = escape(role.id());
        StringBuilder s = new StringBuilder();
        if (problem != null) s.append(FormFields.problemSummary(problem));
        if (forms.slotErrors() != null) s.append(FormFields.errorSummary(forms.slotErrors()));
        if (forms.bookingErrors() != null) s.append(FormFields.errorSummary(forms.bookingErrors()));
        if (notice != null) s.append("<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p role=\"status\">")
                .append(escape(notice)).append("</p></div>");
        s.append("<span class=\"nhsuk-caption-l\">Interviews</span><h1>").append(escape(role.title())).append("</h1>")
                .append("<p>Interviews are by ").append(escape(role.interviewFormat())).append(" in the week commencing ")
                .append(escape(ClosingTime.displayDate(role.interviewWeekCommencing()))).append(". Booking links work until ")
                .append(escape(InterviewTime.until(b.bookBy()))).append(", the night before the week begins.</p>")
                .append("<p><a href=\"/staff/references/").append(id).append("\">Record interview results and request references</a></p>");

        s.append("<h2>Interview times</h2>");
        if (b.slots().isEmpty()) s.append("<p>No interview times yet. Add them below before sending invitations.</p>");
        else s.append(table("Interview times, UK time", List.of("Time", "Length", "Booked by", "Action"), b.slots(), slot -> List.of(
                escape(InterviewTime.display(slot.startsAt())), slot.minutes() + " minutes",
                slot.free() ? "Free" : escape(slot.bookedBy()),
                slot.free() && slot.startsAt().isAfter(b.now()) ? removeButton(role, slot) : "")));

        Map<String, String> slotValues = forms.slot();
        FieldErrors slotErrors = forms.slotErrors() == null ? new FieldErrors() : forms.slotErrors();
        s.append("<h2>Add an interview time</h2><form method=\"post\" action=\"/staff/interviews/").append(id).append("/slots\" novalidate>")
                .append(DateInput.render(Interviews.DATE, "Date", "A day in the week commencing " + ClosingTime.displayDate(role.interviewWeekCommencing())
                        + ", for example " + role.interviewWeekCommencing().plusDays(1).getDayOfMonth() + " " + role.interviewWeekCommencing().getMonthValue()
                        + " " + role.interviewWeekCommencing().getYear(), slotValues, slotErrors.asMap().get(Interviews.DATE + "-day")))
                .append(FormFields.field(Field.text(Interviews.START, "Start time (UK time)", "For example, 10:30 or 2:30pm", true, 10, null, ""),
                        slotValues.getOrDefault(Interviews.START, ""), slotErrors.asMap().get(Interviews.START)))
                .append(FormFields.field(new Field(Interviews.LENGTH, "Length in minutes", "Each time is for one person", Field.Kind.NUMBER, true, 3, List.of(), null, ""),
                        slotValues.getOrDefault(Interviews.LENGTH, ""), slotErrors.asMap().get(Interviews.LENGTH)))
                .append(FormFields.button("Add time")).append("</form>");

        s.append("<h2>Invitations</h2>");
        if (b.toInvite().isEmpty()) {
            s.append("<p>Everyone invited to interview has been sent an invitation.</p>");
        } else {
            s.append("<p>").append(count(b.toInvite().size(), "applicant")).append(" invited to interview ")
                    .append(b.toInvite().size() == 1 ? "has" : "have").append(" not been sent an invitation yet:</p><ul>");
            for (Application a : b.toInvite()) s.append("<li>").append(escape(name(a))).append(" (").append(escape(a.reference())).append("), by ")
                    .append(escape(a.contactMethod())).append("</li>");
            s.append("</ul><p>Those who chose email get an email listing the free times, with a link to book one. For those who chose telephone or post, "
                            + "the team gets a task to offer a time that way.</p>")
                    .append("<form method=\"post\" action=\"/staff/interviews/").append(id).append("/invitations\" novalidate>")
                    .append(FormFields.button("Send invitations")).append("</form>");
        }

        s.append("<h2>To book by telephone or post</h2>");
        if (b.tasks().isEmpty()) s.append("<p>There are no bookings for the team to make.</p>");
        else s.append(table("Applicants who asked to be contacted by telephone or post", List.of("Applicant", "Reference", "Contact by"), b.tasks(), a -> List.of(
                escape(name(a)), escape(a.reference()), escape(reach(a)))));
        if (!b.unbooked().isEmpty()) s.append(bookingForm(b, forms));

        s.append("<h2>Invited by email, not booked yet</h2>");
        if (b.awaitingBooking().isEmpty()) s.append("<p>Nobody is waiting to choose a time.</p>");
        else s.append(table("Applicants sent a booking link", List.of("Applicant", "Reference", "Invited", "Link works until"), b.awaitingBooking(), a -> List.of(
                escape(name(a)), escape(a.reference()), escape(at(InterviewFacts.of(a).invitedAt())), escape(InterviewFacts.of(a).linkExpiresAt() == null ? "" : InterviewTime.until(InterviewFacts.of(a).linkExpiresAt())))));

        s.append("<h2>Booked</h2>");
        if (b.booked().isEmpty()) s.append("<p>Nobody has booked yet.</p>");
        else s.append(table("Booked interviews, UK time", List.of("Time", "Applicant", "Reference", "Adjustments to arrange", "Booked by"), b.booked(), a -> List.of(
                escape(at(InterviewFacts.of(a).startsAt())), escape(name(a)), escape(a.reference()),
                InterviewFacts.of(a).adjustments().isBlank() ? "None" : escape(InterviewFacts.of(a).adjustments()),
                InterviewFacts.of(a).bookedOnline() ? "Applicant, online" : "The team")));
        return StaffLayout.widePage(member, AREA, "Interviews: " + role.title(), problem != null || forms.hasErrors(), AREA, s.toString());
    }

    private static String bookingForm(Interviews.Board b, Forms forms) {
        FieldErrors errors = forms.bookingErrors() == null ? new FieldErrors() : forms.bookingErrors();
        Map<String, String> v = forms.booking();
        StringBuilder s = new StringBuilder("<h3>Record a time agreed with an applicant</h3><p>When you have agreed a time by telephone or post, record it here. "
                + "It marks their task done and books the time.</p>");
        if (b.freeSlots().isEmpty()) return s.append("<p>There are no free times to book: add one above.</p>").toString();
        s.append("<form method=\"post\" action=\"/staff/interviews/").append(escape(b.role().id())).append("/bookings\" novalidate>")
                .append(select(Interviews.REFERENCE, "Applicant", b.unbooked(), Application::reference, a -> name(a) + " (" + a.reference() + ")",
                        v.getOrDefault(Interviews.REFERENCE, ""), errors.asMap().get(Interviews.REFERENCE)))
                .append(select(Interviews.CHOSEN_SLOT, "Interview time", b.freeSlots(), InterviewSlot::slotId, InterviewSlot::describe,
                        v.getOrDefault(Interviews.CHOSEN_SLOT, ""), errors.asMap().get(Interviews.CHOSEN_SLOT)))
                .append(FormFields.field(Field.textarea(Interviews.GIVEN_ADJUSTMENTS, "Adjustments they need (optional)",
                                "For example, captions, breaks or a hearing loop", false, Interviews.ADJUSTMENTS_LENGTH, ""),
                        v.getOrDefault(Interviews.GIVEN_ADJUSTMENTS, ""), errors.asMap().get(Interviews.GIVEN_ADJUSTMENTS)))
                .append(FormFields.button("Record booking")).append("</form>");
        return s.toString();
    }

    private static <T> String select(String name, String label, List<T> items, Function<T, String> value, Function<T, String> text, String chosen, String error) {
        String id = escape(name);
        StringBuilder s = new StringBuilder("<div class=\"nhsuk-form-group").append(error == null ? "" : " nhsuk-form-group--error").append("\">")
                .append("<label class=\"nhsuk-label nhsuk-label--s\" for=\"").append(id).append("\">").append(escape(label)).append("</label>");
        if (error != null) s.append("<span class=\"nhsuk-error-message\" id=\"").append(id).append("-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> ")
                .append(escape(error)).append("</span>");
        s.append("<select class=\"nhsuk-select").append(error == null ? "" : " nhsuk-select--error").append("\" id=\"").append(id).append("\" name=\"").append(id).append("\"")
                .append(error == null ? "" : " aria-describedby=\"" + id + "-error\"").append("><option value=\"\">Choose</option>");
        for (T item : items) {
            String v = value.apply(item);
            s.append("<option value=\"").append(escape(v)).append("\"").append(v.equals(chosen) ? " selected" : "").append(">").append(escape(text.apply(item))).append("</option>");
        }
        return s.append("</select></div>").toString();
    }

    private static String removeButton(Role role, InterviewSlot slot) {
        return "<form method=\"post\" action=\"/staff/interviews/" + escape(role.id()) + "/slots/" + escape(slot.slotId()) + "/remove\" novalidate>"
                + "<button class=\"nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0\" data-module=\"nhsuk-button\" type=\"submit\">Remove"
                + "<span class=\"nhsuk-u-visually-hidden\"> " + escape(InterviewTime.display(slot.startsAt())) + "</span></button></form>";
    }

    /** A table whose cells are already HTML. */
    private static <T> String table(String caption, List<String> headings, List<T> rows, Function<T, List<String>> cells) {
        StringBuilder s = new StringBuilder("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption nhsuk-table__caption--s\">").append(escape(caption))
                .append("</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
        for (String h : headings) s.append("<th scope=\"col\" class=\"nhsuk-table__header\">").append(escape(h)).append("</th>");
        s.append("</tr></thead><tbody class=\"nhsuk-table__body\">");
        for (T row : rows) {
            s.append("<tr class=\"nhsuk-table__row\">");
            for (String c : cells.apply(row)) s.append("<td class=\"nhsuk-table__cell\">").append(c).append("</td>");
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    private static String name(Application a) {
        return a.answer(ApplicationForm.FULL_NAME);
    }

    private static String reach(Application a) {
        if ("telephone".equals(a.contactMethod())) return "Telephone: " + a.answer(ApplicationForm.PHONE);
        return "Post: " + String.join(", ", java.util.stream.Stream.of(a.answer(ApplicationForm.ADDRESS_LINE_1), a.answer("addressLine2"),
                a.answer(ApplicationForm.TOWN), a.answer(ApplicationForm.POSTCODE)).filter(p -> !p.isBlank()).toList());
    }

    private static String at(Instant instant) {
        return instant == null ? "" : InterviewTime.display(instant);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
