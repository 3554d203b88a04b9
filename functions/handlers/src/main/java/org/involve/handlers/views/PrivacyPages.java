package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.Retention;
import org.involve.core.kit.Words;

/**
 * The privacy notice and the accessibility statement (templates in about/), public pages linked from every page's
 * footer. Their words are content/privacy; the periods records are kept come from {@link Retention}.
 */
public final class PrivacyPages {
    static final Words WORDS = Words.of("privacy");

    private PrivacyPages() {}

    /** One kind of record as the privacy notice lists it: what it is, how long it is kept and why. */
    public record Kept(String what, String howLong, String why) {}

    /**
     * The privacy notice: who runs the site and how to reach them, the organisations of the roles open now (each
     * holds what is sent about its roles), and how long each kind of record is kept.
     */
    public record Privacy(
            OrganisationContact organisation, List<String> roleOrganisations, List<Kept> kept) {}

    public record Accessibility(OrganisationContact organisation) {}

    public static String privacy(List<String> roleOrganisations, Retention retention) {
        List<Kept> kept = new ArrayList<>();
        for (Retention.Kind kind : retention.kinds()) {
            String key = "page.privacy.kept." + kind.name();
            kept.add(
                    new Kept(
                            WORDS.get(key + ".what"),
                            WORDS.format(
                                    key + ".howLong",
                                    "period",
                                    Retention.describe(retention.period(kind))),
                            WORDS.get(key + ".why")));
            // Monitoring answers go by role, the unsuccessful period after its round is over
            // (core.retention.MonitoringRetention), not with each application.
            if (kind == Retention.Kind.UNSUCCESSFUL)
                kept.add(
                        new Kept(
                                WORDS.get("page.privacy.kept.MONITORING.what"),
                                WORDS.format(
                                        "page.privacy.kept.MONITORING.howLong",
                                        "period",
                                        Retention.describe(retention.period(kind))),
                                WORDS.get("page.privacy.kept.MONITORING.why")));
        }
        return Templates.render(
                "about/privacy.jte",
                new Privacy(
                        OrganisationContact.fromSettings(),
                        roleOrganisations.stream().distinct().sorted().toList(),
                        kept));
    }

    /** @param draftDays how long an unfinished application (and so its cookie) is kept */
    public record Cookies(long draftDays) {}

    public static String cookies(long draftDays) {
        return Templates.render("about/cookies.jte", new Cookies(draftDays));
    }

    public static String accessibility() {
        return Templates.render(
                "about/accessibility.jte", new Accessibility(OrganisationContact.fromSettings()));
    }

    /**
     * The items of a numbered list in content/privacy, up to the first gap: {@code items("page.privacy.what.")} is
     * {@code page.privacy.what.1}, {@code page.privacy.what.2} ...
     */
    public static List<String> items(String prefix) {
        List<String> items = new ArrayList<>();
        for (int i = 1; WORDS.has(prefix + i); i++) items.add(WORDS.get(prefix + i));
        return items;
    }

    /** The organisation's name for sentences, or a fair description where the setting is missing. */
    public static String organisationName(OrganisationContact o) {
        return o.name() != null ? o.name() : WORDS.get("page.privacy.who.unnamed");
    }
}
