package org.involve.handlers.views;

import java.util.List;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.Interviews;
import org.involve.core.kit.Field;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkRefusal;
import org.involve.core.role.Role;

/**
 * The applicant's interview booking pages (templates in interviews/booking/), reached from the link in their
 * invitation: choose a time, booked, and refusals.
 */
public final class InterviewBookingPages {
    private static final Words WORDS = Words.of("interviews");

    private InterviewBookingPages() {}

    /** The form, with its two questions: the free times, and adjustments. */
    /** {@code notice}: said above the form, when they have just cancelled their time to choose another (or null). */
    public record Choose(
            InterviewBooking.Choose choose,
            String token,
            Field slot,
            Field adjustments,
            String notice) {}

    /** {@code token}: the link that booked, through which they can cancel the time. */
    public record Booked(
            Role role, InterviewSlot slot, String reference, boolean emailed, String token) {}

    public record AlreadyBooked(Role role, InterviewSlot slot, String reference, String token) {}

    public static String choose(InterviewBooking.Choose c, String token) {
        return choose(c, token, null);
    }

    public static String choose(InterviewBooking.Choose c, String token, String notice) {
        List<Field.Option> options =
                c.free().stream()
                        .map(slot -> new Field.Option(slot.slotId(), slot.describe()))
                        .toList();
        Field slot =
                Field.radios(
                        Interviews.CHOSEN_SLOT,
                        WORDS.get("page.booking.choose.slotLabel"),
                        null,
                        options,
                        WORDS.get("page.booking.choose.slotMissing"));
        Field adjustments =
                Field.textarea(
                        Interviews.GIVEN_ADJUSTMENTS,
                        WORDS.get("page.booking.choose.adjustmentsLabel"),
                        WORDS.get("page.booking.choose.adjustmentsHint"),
                        false,
                        Interviews.ADJUSTMENTS_LENGTH,
                        "");
        return Templates.render(
                "interviews/booking/choose.jte", new Choose(c, token, slot, adjustments, notice));
    }

    public static String booked(
            Role role, InterviewSlot slot, String reference, boolean emailed, String token) {
        return Templates.render(
                "interviews/booking/booked.jte", new Booked(role, slot, reference, emailed, token));
    }

    public static String alreadyBooked(
            Role role, InterviewSlot slot, String reference, String token) {
        return Templates.render(
                "interviews/booking/alreadyBooked.jte",
                new AlreadyBooked(role, slot, reference, token));
    }

    public static String refused(InterviewBooking.Refused r) {
        return Templates.render("interviews/booking/refused.jte", r);
    }

    public static int status(LinkRefusal reason) {
        return switch (reason) {
            case EXPIRED, ALREADY_USED, REPLACED -> 410;
            case TAMPERED, WRONG_PURPOSE -> 404;
        };
    }
}
