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
    public record Choose(
            InterviewBooking.Choose choose, String token, Field slot, Field adjustments) {}

    public record Booked(Role role, InterviewSlot slot, String reference, boolean emailed) {}

    public record AlreadyBooked(Role role, InterviewSlot slot, String reference) {}

    public static String choose(InterviewBooking.Choose c, String token) {
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
                "interviews/booking/choose.jte", new Choose(c, token, slot, adjustments));
    }

    public static String booked(Role role, InterviewSlot slot, String reference, boolean emailed) {
        return Templates.render(
                "interviews/booking/booked.jte", new Booked(role, slot, reference, emailed));
    }

    public static String alreadyBooked(Role role, InterviewSlot slot, String reference) {
        return Templates.render(
                "interviews/booking/alreadyBooked.jte", new AlreadyBooked(role, slot, reference));
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
