package org.involve.handlers.views;

import java.util.Optional;
import org.involve.adapters.Settings;

/**
 * The organisation that runs the site and how to reach it, from the settings every function has (template.yaml's
 * Globals): ORGANISATION_NAME, CONTACT_EMAIL, CONTACT_PHONE, and DATA_PROTECTION_OFFICER_EMAIL where there is one.
 * Shown in every page's footer, the privacy notice and the accessibility statement. Any of them may be missing (null).
 */
public record OrganisationContact(
        String name, String email, String phone, String dataProtectionOfficerEmail) {

    /** Read when a page is drawn, as the layout reads ASSETS_URL. */
    public static OrganisationContact fromSettings() {
        return new OrganisationContact(
                setting("ORGANISATION_NAME"),
                setting("CONTACT_EMAIL"),
                setting("CONTACT_PHONE"),
                setting("DATA_PROTECTION_OFFICER_EMAIL"));
    }

    private static String setting(String name) {
        return Settings.optional(name).map(String::strip).orElse(null);
    }

    public boolean hasEmail() {
        return email != null;
    }

    public boolean hasPhone() {
        return phone != null && telHref(phone).isPresent();
    }

    public boolean any() {
        return hasEmail() || hasPhone();
    }

    /** The phone number as a link that calls it. */
    public String phoneHref() {
        return telHref(phone).orElse(null);
    }

    /**
     * A UK number as a {@code tel:} link in international form: "01632 960 001" becomes "tel:+441632960001". Spaces,
     * hyphens and brackets are dropped; anything that is not a phone number gives nothing.
     */
    public static Optional<String> telHref(String phone) {
        if (phone == null) return Optional.empty();
        String digits = phone.replaceAll("[\\s()\\-.]", "");
        if (digits.matches("0\\d{9,10}")) return Optional.of("tel:+44" + digits.substring(1));
        if (digits.matches("\\+\\d{7,15}")) return Optional.of("tel:" + digits);
        if (digits.matches("\\d{3,15}")) return Optional.of("tel:" + digits);
        return Optional.empty();
    }
}
