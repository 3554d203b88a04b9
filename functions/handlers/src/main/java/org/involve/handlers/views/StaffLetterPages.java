package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.kit.Words;
import org.involve.core.letters.PrintedLetter;
import org.involve.core.letters.PrintedLetter.Kind;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.StaffMember;

/**
 * A printable letter for an applicant who asked for post (template staff/letters/letter.jte): on screen, NHS.UK
 * styling with a print button and "mark as posted"; printed, only the letter (and the paper equal opportunities
 * form on a page of its own). Staff group only.
 */
public final class StaffLetterPages {
    private static final Words LETTERS = Words.of("letters");

    private StaffLetterPages() {}

    /**
     * @param formLeftOut the acknowledgement would carry the paper form, but this person is on the role's panel
     * @param problem why the last "mark as posted" did nothing (a changed application), or null
     */
    public record LetterPage(
            StaffMember member, PrintedLetter letter, boolean formLeftOut, String problem) {
        public String reference() {
            return letter.application().reference();
        }

        public String version() {
            return letter.application().version();
        }
    }

    /**
     * The letters an application's page offers to print, for an applicant who asked for post: the acknowledgement
     * always, the interview letter once they are invited, the outcome letter once they have one.
     */
    public static List<Link> lettersFor(Application a) {
        if (!"post".equals(a.contactMethod())) return List.of();
        List<Link> links = new ArrayList<>();
        links.add(link(a, Kind.ACKNOWLEDGEMENT));
        if (InterviewFacts.of(a).invitedAt() != null
                || a.status() == Application.Status.INVITED_TO_INTERVIEW
                || a.status() == Application.Status.INTERVIEW_BOOKED)
            links.add(link(a, Kind.INTERVIEW));
        if (a.status() == Application.Status.NOT_SHORTLISTED
                || a.status() == Application.Status.NOT_APPOINTED
                || a.status() == Application.Status.APPOINTED) links.add(link(a, Kind.OUTCOME));
        return links;
    }

    /** An e-mail's id ("ack-INV-...", "interview-invitation-INV-...", "outcome-INV-...") and the letter saying the same. */
    private static final Pattern LETTER_FOR_EMAIL =
            Pattern.compile(
                    "(ack|interview-invitation|outcome|welcome)-(INV-[0-9A-Z]{4}-[0-9A-Z]{4})(-\\d+)?");

    /**
     * The printable letter saying what an e-mail that could not reach its address says (the acknowledgement, the
     * interview invitation, the outcome), for the e-mail problems page; null for any other e-mail.
     */
    public static Link forEmail(String messageId) {
        Matcher m = LETTER_FOR_EMAIL.matcher(messageId == null ? "" : messageId);
        if (!m.matches()) return null;
        Kind kind =
                switch (m.group(1)) {
                    case "ack" -> Kind.ACKNOWLEDGEMENT;
                    case "interview-invitation" -> Kind.INTERVIEW;
                    default -> Kind.OUTCOME;
                };
        return new Link(
                LETTERS.get("page.letter.link." + kind.slug()),
                StaffPaths.APPLICATION_LETTER.fill(m.group(2), kind.slug()));
    }

    private static Link link(Application a, Kind kind) {
        return new Link(
                LETTERS.get("page.letter.link." + kind.slug()),
                StaffPaths.APPLICATION_LETTER.fill(a.reference(), kind.slug()));
    }

    public static String letter(
            StaffMember member, PrintedLetter letter, boolean formLeftOut, String problem) {
        return Templates.render(
                "staff/letters/letter.jte", new LetterPage(member, letter, formLeftOut, problem));
    }
}
