package org.involve.core.kit;

/** One e-mail with HTML and plain-text parts. The subject is always one line, so it cannot inject headers. */
public record Email(String to, String subject, String html, String text) {
    public Email {
        if (to == null
                || to.isBlank()
                || java.util.regex.Pattern.compile("[\\s,;<>]").matcher(to.strip()).find())
            throw new IllegalArgumentException("An e-mail needs exactly one recipient address");
        subject = singleLine(subject);
        if (subject.isEmpty()) throw new IllegalArgumentException("An e-mail needs a subject");
    }

    static String singleLine(String s) {
        return s == null
                ? ""
                : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ")
                        .replaceAll(" {2,}", " ")
                        .strip();
    }
}
