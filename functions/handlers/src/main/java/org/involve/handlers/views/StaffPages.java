package org.involve.handlers.views;

import java.util.List;
import java.util.Map;
import org.involve.core.kit.Words;
import org.involve.core.staff.StaffMember;

/** Staff pages every staff area shares: the home page, and the refusals and faults in plain words (templates in staff/). */
public final class StaffPages {
    private static final Words STAFF = Words.of("staff");

    private StaffPages() {}

    /** A page of plain paragraphs and a link to staff home; {@code member} is null when nobody is signed in. */
    public record Message(StaffMember member, String title, List<String> paragraphs) {}

    /** The staff home: a card for each area the person's groups allow. */
    public static String home(StaffMember member) {
        return Templates.render("staff/home.jte", member);
    }

    /** 401: nobody is signed in (or the sign-in has expired). */
    public static String signInNeeded() {
        return Templates.render("staff/signInNeeded.jte", Map.of());
    }

    /** 403: signed in, but the person's groups do not allow this. The message names the action, never the person. */
    public static String notAllowed(StaffMember member, String message) {
        return Templates.render(
                "staff/message.jte",
                new Message(member, STAFF.get("page.notAllowed.title"), List.of(message)));
    }

    public static String notFound(StaffMember member) {
        return Templates.render(
                "staff/message.jte",
                new Message(
                        member,
                        STAFF.get("page.notFound.title"),
                        List.of(STAFF.get("page.notFound.body"))));
    }

    /** A page of plain paragraphs: for refusals (400, 409, 413, 415) and faults (500). */
    public static String message(StaffMember member, String title, String... paragraphs) {
        return Templates.render(
                "staff/message.jte", new Message(member, title, List.of(paragraphs)));
    }

    /**
     * The session ended before a page or form reached the staff pages: "Sign in again", coming back to {@code page}
     * when it is a staff page (else the home page).
     */
    public static String sessionEnded(String page) {
        return Templates.render(
                "staff/sessionEnded.jte",
                Map.of("signInHref", StaffSession.signInReturningTo(page)));
    }

    /** After sign-out. */
    public static String signedOut() {
        return Templates.render("staff/signedOut.jte", Map.of());
    }
}
