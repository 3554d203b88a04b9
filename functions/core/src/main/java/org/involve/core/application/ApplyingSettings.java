package org.involve.core.application;

import java.time.Duration;

/**
 * Settings of the public application journey.
 * @param siteUrl where the public site lives, for links in e-mails
 * @param staffSiteUrl where the staff site lives, for links in the team's e-mails
 * @param draftLifetime how long an unfinished application is kept
 * @param quickestHumanApplication faster than this from first page to submit is treated as automated
 */
public record ApplyingSettings(
        String siteUrl,
        String staffSiteUrl,
        Duration draftLifetime,
        Duration quickestHumanApplication) {
    public ApplyingSettings {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("SITE_URL must be an http(s) address");
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("STAFF_SITE_URL must be an http(s) address");
        siteUrl = siteUrl.replaceAll("/+$", "");
        staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }
}
