package org.involve.handlers.views;

import org.involve.core.letters.PrintedLetter;
import org.involve.core.staff.StaffMember;

/**
 * A printable letter for an applicant who asked for post (template staff/letters/letter.jte): on screen, NHS.UK
 * styling with a print button and "mark as posted"; printed, only the letter (and the paper equal opportunities
 * form on a page of its own). Staff group only.
 */
public final class StaffLetterPages {
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

    public static String letter(
            StaffMember member, PrintedLetter letter, boolean formLeftOut, String problem) {
        return Templates.render(
                "staff/letters/letter.jte", new LetterPage(member, letter, formLeftOut, problem));
    }
}
