package org.involve.handlers.staff;

import java.util.List;
import java.util.Optional;
import org.involve.core.kit.Words;

/**
 * What a finished staff action says on the page it leads to. The action redirects with {@code ?done=KEY}; the page
 * shows the area's {@code notice.KEY} from its content file. The query carries only a key this area declared, never
 * text to show, so a crafted link cannot put words on a staff page.
 */
public final class Notices {
    private final Words words;
    private final List<String> keys;

    private Notices(Words words, List<String> keys) {
        this.words = words;
        this.keys = keys;
    }

    /** The notices of {@code area} ({@code content/AREA.properties}); each key must have its {@code notice.KEY} there. */
    public static Notices of(String area, String... keys) {
        Words words = Words.of(area);
        for (String key : keys) words.get("notice." + key);
        return new Notices(words, List.of(keys));
    }

    /** Where to go after an action: {@code location} with the notice to show there. */
    public String after(String location, String key) {
        if (!keys.contains(key))
            throw new IllegalArgumentException("No notice " + key + " in " + words.area());
        return location + "?done=" + key;
    }

    /** The notice the request's {@code ?done=} names, if it is one of this area's. */
    public Optional<String> on(StaffRequest req) {
        return req.web()
                .query("done")
                .filter(keys::contains)
                .map(key -> words.get("notice." + key));
    }

    /** The text of one notice, for a page that shows it without a redirect. */
    public String text(String key) {
        if (!keys.contains(key))
            throw new IllegalArgumentException("No notice " + key + " in " + words.area());
        return words.get("notice." + key);
    }
}
