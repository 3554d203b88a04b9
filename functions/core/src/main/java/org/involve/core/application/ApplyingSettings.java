package org.involve.core.application;

import java.time.Duration;

/**
 * Settings of the public application journey.
 * @param siteUrl where the public site lives, for links in e-mails
 * @param staffSiteUrl where the staff site lives, for links in the team's e-mails
 * @param draftLifetime how long an unfinished application is kept
 * @param quickestHumanApplication faster than this from first page to submit is treated as automated
 * @param acknowledgementsPerAddressPerDay at most this many acknowledgement e-mails to one address in any 24 hours
 *     (a rolling window, not a calendar day); an application beyond it is still kept, without the e-mail, and staff
 *     see why
 * @param applicationsPerClientPerHour at most this many applications sent from one client (network address) in any
 *     hour (a rolling hour, not a clock hour); one beyond it is refused with a page, and its draft kept
 */
public record ApplyingSettings(
        String siteUrl,
        String staffSiteUrl,
        Duration draftLifetime,
        Duration quickestHumanApplication,
        int acknowledgementsPerAddressPerDay,
        int applicationsPerClientPerHour) {
    public static final int DEFAULT_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY = 3;
    public static final int DEFAULT_APPLICATIONS_PER_CLIENT_PER_HOUR = 10;

    /** With the default limits on e-mails per address and applications per client. */
    public ApplyingSettings(
            String siteUrl,
            String staffSiteUrl,
            Duration draftLifetime,
            Duration quickestHumanApplication) {
        this(
                siteUrl,
                staffSiteUrl,
                draftLifetime,
                quickestHumanApplication,
                DEFAULT_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY,
                DEFAULT_APPLICATIONS_PER_CLIENT_PER_HOUR);
    }

    public ApplyingSettings {
        if (acknowledgementsPerAddressPerDay < 1)
            throw new IllegalArgumentException(
                    "ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY must be at least 1");
        if (applicationsPerClientPerHour < 1)
            throw new IllegalArgumentException(
                    "APPLICATIONS_PER_CLIENT_PER_HOUR must be at least 1");
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("SITE_URL must be an http(s) address");
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("STAFF_SITE_URL must be an http(s) address");
        siteUrl = siteUrl.replaceAll("/+$", "");
        staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }
}
