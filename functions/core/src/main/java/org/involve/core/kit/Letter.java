package org.involve.core.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an e-mail's HTML and plain-text parts from the same paragraphs, so the two never say different
 * things. Every piece of text is escaped for the HTML part. A letter made with {@link #of} takes its words from
 * the entries {@code email.NAME.*} of an area's content file, so the wording is edited there, not here.
 */
public final class Letter {
    private final List<String[]> blocks = new ArrayList<>();
    private final Words words;
    private final String prefix;

    public Letter() {
        this(null, null);
    }

    private Letter(Words words, String name) {
        this.words = words;
        this.prefix = "email." + name + ".";
    }

    /** A letter whose words are {@code email.NAME.*} in the area's content file. */
    public static Letter of(Words words, String name) {
        return new Letter(words, name);
    }

    /** The letter's entry {@code key} with its placeholders filled, for a list item or a piece of a sentence. */
    public String words(String key, Object... namesAndValues) {
        if (words == null)
            throw new IllegalStateException(
                    "This letter has no content file: make it with Letter.of");
        return words.format(prefix + key, namesAndValues);
    }

    /** A paragraph from the entry {@code key}. */
    public Letter say(String key, Object... namesAndValues) {
        return paragraph(words(key, namesAndValues));
    }

    /** A heading from the entry {@code key}. */
    public Letter headed(String key) {
        return heading(words(key));
    }

    /** A link whose text is the entry {@code key}. */
    public Letter linked(String key, String url) {
        return link(words(key), url);
    }

    /** The finished e-mail, its subject the entry {@code subject} (or {@code subjectKey}) with its placeholders filled. */
    public Email send(String address, Object... subjectNamesAndValues) {
        return to(address, words("subject", subjectNamesAndValues));
    }

    public Email sendWithSubject(
            String address, String subjectKey, Object... subjectNamesAndValues) {
        return to(address, words(subjectKey, subjectNamesAndValues));
    }

    public Letter paragraph(String text) {
        blocks.add(new String[] {"p", text});
        return this;
    }

    public Letter heading(String text) {
        blocks.add(new String[] {"h2", text});
        return this;
    }

    public Letter link(String text, String url) {
        blocks.add(new String[] {"a", text, url});
        return this;
    }

    public Letter bullets(List<String> items) {
        for (String item : items) blocks.add(new String[] {"li", item});
        return this;
    }

    /** One part of a letter, in order: a paragraph ("p"), heading ("h2"), list item ("li") or link ("a", with its url). */
    public record Part(String kind, String text, String url) {}

    /** The letter's parts in order, so a printed copy can say exactly what the e-mail says. */
    public List<Part> parts() {
        return blocks.stream().map(b -> new Part(b[0], b[1], b.length > 2 ? b[2] : null)).toList();
    }

    public Email to(String address, String subject) {
        StringBuilder html =
                new StringBuilder(
                                "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                        .append(Html.escape(subject))
                        .append(
                                "</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#212b32\">");
        StringBuilder text = new StringBuilder();
        boolean inList = false;
        for (String[] b : blocks) {
            if (b[0].equals("li") != inList) {
                html.append(inList ? "</ul>" : "<ul>");
                inList = !inList;
            }
            switch (b[0]) {
                case "p" -> {
                    html.append("<p>").append(Html.escape(b[1])).append("</p>");
                    text.append(b[1]).append("\n\n");
                }
                case "h2" -> {
                    html.append("<h2>").append(Html.escape(b[1])).append("</h2>");
                    text.append(b[1].toUpperCase()).append("\n\n");
                }
                case "a" -> {
                    html.append("<p><a href=\"")
                            .append(Html.escape(b[2]))
                            .append("\">")
                            .append(Html.escape(b[1]))
                            .append("</a></p>");
                    text.append(b[1]).append(":\n").append(b[2]).append("\n\n");
                }
                case "li" -> {
                    html.append("<li>").append(Html.escape(b[1])).append("</li>");
                    text.append("- ").append(b[1]).append("\n");
                }
                default -> throw new IllegalStateException(b[0]);
            }
        }
        if (inList) html.append("</ul>");
        html.append("</body></html>");
        return new Email(address, subject, html.toString(), text.toString().strip() + "\n");
    }
}
