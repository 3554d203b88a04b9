package org.involve.handlers.views;

import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.InterviewTime;
import org.involve.core.interviews.Interviews;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;
import org.involve.core.links.LinkRefusal;

import java.util.List;

import static org.involve.core.kit.Html.escape;

/** The applicant's interview booking pages, reached from the link in their invitation: choose a time, booked, and refusals. */
public final class InterviewBookingPages {
    private InterviewBookingPages() {}

    public static String choose(InterviewBooking.Choose c, String token) {
        Role role = c.role();
        FieldErrors errors = c.errors();
        boolean hasErrors = !errors.isEmpty() || c.problem() != null;
        StringBuilder s = new StringBuilder();
        if (c.problem() != null) s.append(FormFields.problemSummary(c.problem()));
        else s.append(FormFields.errorSummary(errors));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span><h1>Choose your interview time</h1>")
                .append("<p>Your interview will be by ").append(escape(role.interviewFormat()))
                .append(". All times are UK time. Each time is for one person, so a time someone else books is no longer offered.</p>");
        if (c.free().isEmpty()) {
            s.append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>")
                    .append("There are no times left to choose</span></h2><p>Every interview time has been booked. Please contact us and we will find a time with you.</p></div>")
                    .append(contact(role, c.app().reference()));
            return Layout.page("Choose your interview time", hasErrors, null, s.toString());
        }
        List<Field.Option> options = c.free().stream().map(slot -> new Field.Option(slot.slotId(), slot.describe())).toList();
        Field slotField = Field.radios(Interviews.CHOSEN_SLOT, "Which time would you like?", null, options, "Choose a time for your interview");
        Field adjustments = Field.textarea(Interviews.GIVEN_ADJUSTMENTS, "Do you need any adjustments for your interview? (optional)",
                "For example, captions, breaks, a hearing loop, or someone with you. If you told us about adjustments in your application, "
                        + "they are filled in here: change them if you need to.", false, Interviews.ADJUSTMENTS_LENGTH, "");
        s.append("<form method=\"post\" action=\"/interview/").append(escape(token)).append("\" novalidate>")
                .append(FormFields.field(slotField, c.values().getOrDefault(Interviews.CHOSEN_SLOT, ""), errors.asMap().get(Interviews.CHOSEN_SLOT)))
                .append(FormFields.field(adjustments, c.values().getOrDefault(Interviews.GIVEN_ADJUSTMENTS, ""), errors.asMap().get(Interviews.GIVEN_ADJUSTMENTS)))
                .append(FormFields.button("Book this time")).append("</form>")
                .append("<h2>If none of these times suit you</h2>").append(contact(role, c.app().reference()));
        return Layout.page("Choose your interview time", hasErrors, null, s.toString());
    }

    public static String booked(Role role, InterviewSlot slot, String reference, boolean emailed) {
        String s = "<div class=\"nhsuk-panel nhsuk-panel--confirmation\"><h1 class=\"nhsuk-panel__title\">Interview booked</h1>"
                + "<div class=\"nhsuk-panel__body\">" + escape(InterviewTime.display(slot.startsAt())) + "</div></div>"
                + "<p>Your interview for " + escape(role.title()) + " will be by " + escape(role.interviewFormat()) + " and last about "
                + slot.minutes() + " minutes. The time is UK time.</p>"
                + (emailed ? "<p>We have sent you an email confirming the time. We will send a reminder the day before.</p>" : "")
                + "<h2>If you need to change it</h2>" + contact(role, reference);
        return Layout.page("Interview booked", false, null, s);
    }

    public static String alreadyBooked(Role role, InterviewSlot slot, String reference) {
        String s = "<h1>This link has already been used</h1>"
                + "<p>Your interview for " + escape(role.title()) + " is booked for <strong>" + escape(InterviewTime.display(slot.startsAt()))
                + "</strong> (UK time), by " + escape(role.interviewFormat()) + ".</p>"
                + "<p>The link in your invitation can only be used once, so it cannot book another time.</p>"
                + "<h2>If you need to change it</h2>" + contact(role, reference);
        return Layout.page("This link has already been used", false, null, s);
    }

    public static String refused(InterviewBooking.Refused r) {
        String title = switch (r.reason()) {
            case TAMPERED -> "This link is not working";
            case EXPIRED -> "This link has expired";
            case WRONG_PURPOSE -> "This link is for something else";
            case ALREADY_USED -> "This link has already been used";
        };
        String message = r.reason() == LinkRefusal.EXPIRED
                ? "Links to choose an interview time stop working when the interview week begins. Contact the person who invited you and they will find a time with you."
                : r.reason().message();
        String s = "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>"
                + (r.role() == null ? "<p>Their contact details are in the email that invited you to interview.</p>" : contact(r.role(), null));
        return Layout.page(title, false, null, s);
    }

    public static int status(LinkRefusal reason) {
        return switch (reason) {
            case EXPIRED, ALREADY_USED -> 410;
            case TAMPERED, WRONG_PURPOSE -> 404;
        };
    }

    private static String contact(Role role, String reference) {
        Contact c = role.contact();
        return "<p>Contact " + escape(c.name()) + " at <a href=\"mailto:" + escape(c.email()) + "\">" + escape(c.email()) + "</a>"
                + (c.phone() == null || c.phone().isBlank() ? "" : " or call " + escape(c.phone()))
                + (reference == null ? "" : ", quoting your reference " + escape(reference)) + ".</p>";
    }
}
