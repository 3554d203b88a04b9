package org.involve.core.partners;

/**
 * The documents a partner agrees to after appointment. Each is agreed in a version (the current version of each is in
 * content/partners.properties, {@code document.<slug>.version}), so a new version can be asked for again.
 */
public enum PartnerDocument {
    CODE_OF_CONDUCT("code-of-conduct"),
    CONFIDENTIALITY("confidentiality"),
    DECLARATION_OF_INTERESTS("declaration-of-interests"),
    STATEMENT_OF_VALUES("statement-of-values");

    private final String slug;

    PartnerDocument(String slug) {
        this.slug = slug;
    }

    /** Its part of a page's address, and of its words' keys. */
    public String slug() {
        return slug;
    }

    public static PartnerDocument fromSlug(String slug) {
        for (PartnerDocument d : values()) if (d.slug.equals(slug)) return d;
        return null;
    }
}
