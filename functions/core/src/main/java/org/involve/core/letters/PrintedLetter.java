package org.involve.core.letters;

import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.kit.Field;

/**
 * A letter for staff to print and post to an applicant who asked for post (or gave no e-mail address): who it is
 * from, who it is to, its date, its body in the same words as the matching e-mail, and, for the acknowledgement, the
 * paper equal opportunities form. The form is printed on its own pages and carries only the short code, never the
 * applicant's name.
 *
 * @param application the application it is about, for its reference and the version a "posted" form carries
 * @param from the sender's lines: the role's contact, organisation, telephone and e-mail
 * @param to the applicant's name and postal address, one line each (empty for the form alone)
 * @param body the letter's paragraphs, headings and lists, in order
 * @param signOff the closing lines ("Yours sincerely," and the contact's name)
 * @param monitoringForm the paper equal opportunities form, or null when this letter has none
 */
public record PrintedLetter(
        Kind kind,
        Application application,
        String roleTitle,
        List<String> from,
        List<String> to,
        String date,
        String subject,
        List<Block> body,
        List<String> signOff,
        PaperForm monitoringForm) {

    public PrintedLetter {
        from = List.copyOf(from);
        to = List.copyOf(to);
        body = List.copyOf(body);
        signOff = List.copyOf(signOff);
    }

    /** The kinds of letter, each with the name its address uses. */
    public enum Kind {
        ACKNOWLEDGEMENT("acknowledgement"),
        MONITORING_FORM("monitoring-form"),
        INTERVIEW("interview"),
        OUTCOME("outcome");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        /** The kind a letter address names, or null. */
        public static Kind of(String slug) {
            for (Kind k : values()) if (k.slug.equals(slug)) return k;
            return null;
        }
    }

    /** One part of the body: a paragraph ("p"), a heading ("h2") or a bulleted list ("ul", one line per item). */
    public record Block(String kind, List<String> lines) {
        public Block {
            lines = List.copyOf(lines);
        }

        public String text() {
            return String.join(" ", lines);
        }
    }

    /**
     * The paper equal opportunities form: its title and instructions, the short code it is returned with, and the same
     * questions (with their options) as the online form.
     */
    public record PaperForm(
            String title, String code, List<String> instructions, List<Field> questions) {
        public PaperForm {
            instructions = List.copyOf(instructions);
            questions = List.copyOf(questions);
        }
    }

    /** Every word of the letter (not the form), for tests and checks. */
    public String bodyText() {
        StringBuilder s = new StringBuilder();
        for (Block b : body) s.append(b.text()).append('\n');
        return s.toString();
    }
}
