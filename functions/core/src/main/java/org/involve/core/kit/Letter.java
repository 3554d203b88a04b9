package org.involve.core.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an e-mail's HTML and plain-text parts from the same paragraphs, so the two never say different
 * things. Every piece of text is escaped for the HTML part.
 */
public final class Letter {
    private final List<String[]> blocks = new ArrayList<>();

    public Letter paragraph(String text) {
        blocks.add(new String[]{"p", text});
        return this;
    }

    public Letter heading(String text) {
        blocks.add(new String[]{"h2", text});
        return this;
    }

    public Letter link(String text, String url) {
        blocks.add(new String[]{"a", text, url});
        return this;
    }

    public Letter bullets(List<String> items) {
        for (String item : items) blocks.add(new String[]{"li", item});
        return this;
    }

    public Email to(String address, String subject) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#212b32\">");
        StringBuilder text = new StringBuilder();
        boolean inList = false;
        for (String[] b : blocks) {
            if (b[0].equals("li") != inList) {
                html.append(inList ? "</ul>" : "<ul>");
                inList = !inList;
            }
            switch (b[0]) {
                case "p" -> { html.append("<p>").append(Html.escape(b[1])).append("</p>"); text.append(b[1]).append("\n\n"); }
                case "h2" -> { html.append("<h2>").append(Html.escape(b[1])).append("</h2>"); text.append(b[1].toUpperCase()).append("\n\n"); }
                case "a" -> { html.append("<p><a href=\"").append(Html.escape(b[2])).append("\">").append(Html.escape(b[1])).append("</a></p>");
                              text.append(b[1]).append(":\n").append(b[2]).append("\n\n"); }
                case "li" -> { html.append("<li>").append(Html.escape(b[1])).append("</li>"); text.append("- ").append(b[1]).append("\n"); }
                default -> throw new IllegalStateException(b[0]);
            }
        }
        if (inList) html.append("</ul>");
        html.append("</body></html>");
        return new Email(address, subject, html.toString(), text.toString().strip() + "\n");
    }
}
