package org.involve.core.partners;

/** The IT support a partner may ask for so they can take part: a laptop, mobile data, or something else. */
public enum ItSupport {
    LAPTOP("laptop"),
    DATA("data"),
    OTHER("other");

    private final String slug;

    ItSupport(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ItSupport fromSlug(String slug) {
        for (ItSupport s : values()) if (s.slug.equals(slug)) return s;
        return null;
    }
}
