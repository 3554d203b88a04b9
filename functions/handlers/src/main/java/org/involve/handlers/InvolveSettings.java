package org.involve.handlers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.involve.core.kit.Retention;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SigningKeys;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.MileageRates;

/**
 * Every setting the functions read, taken from the environment once per JVM: in Lambda the function's environment
 * variables (template.yaml's Globals and its own), in the local runtime system properties of the same names. Each
 * function is given only what its own beans use, so a value is required when it is asked for (failing with the
 * variable's name), never when this is made.
 */
public record InvolveSettings(Map<String, String> values) {
    public InvolveSettings {
        values = Map.copyOf(values);
    }

    /** The environment as Settings reads it: a non-blank environment variable, else the system property. */
    public static InvolveSettings fromEnvironment() {
        Map<String, String> values = new HashMap<>();
        System.getProperties()
                .stringPropertyNames()
                .forEach(name -> put(values, name, System.getProperty(name)));
        System.getenv().forEach((name, value) -> put(values, name, value));
        return new InvolveSettings(values);
    }

    /** Names only (no value is secret any more, but the habit is kept). */
    @Override
    public String toString() {
        return "InvolveSettings" + new TreeSet<>(values.keySet());
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) values.put(name, value);
    }

    /** The bucket the site's published pages and assets are kept in (the SitePublisherFunction writes it). */
    public String siteBucket() {
        return required("SITE_BUCKET");
    }

    // ---------- tables ----------

    public String rolesTable() {
        return required("ROLES_TABLE");
    }

    public String applicationsTable() {
        return required("APPLICATIONS_TABLE");
    }

    public String draftsTable() {
        return required("DRAFTS_TABLE");
    }

    public String outboxTable() {
        return required("OUTBOX_TABLE");
    }

    public String auditTable() {
        return required("AUDIT_TABLE");
    }

    public String usedLinksTable() {
        return required("USED_LINKS_TABLE");
    }

    public String monitoringTable() {
        return required("MONITORING_TABLE");
    }

    /** The equal opportunities short codes (MonitoringCodesTable). */
    public String monitoringCodesTable() {
        return required("MONITORING_CODES_TABLE");
    }

    public String shortlistingTable() {
        return required("SHORTLISTING_TABLE");
    }

    public String interviewSlotsTable() {
        return required("INTERVIEW_SLOTS_TABLE");
    }

    public String referencesTable() {
        return required("REFERENCES_TABLE");
    }

    public String partnersTable() {
        return required("PARTNERS_TABLE");
    }

    public String panelGroupTable() {
        return required("PANEL_GROUP_TABLE");
    }

    /** Staff sessions ended by signing out (the authorizer reads it, sign-out writes it). */
    public String endedSessionsTable() {
        return required("ENDED_SESSIONS_TABLE");
    }

    public String claimsTable() {
        return required("CLAIMS_TABLE");
    }

    public String paymentsQueueUrl() {
        return required("PAYMENTS_QUEUE_URL");
    }

    public String paymentsTable() {
        return required("PAYMENTS_TABLE");
    }

    public String payrollExportsTable() {
        return required("PAYROLL_EXPORTS_TABLE");
    }

    /** The private bucket the payroll export files are kept in. */
    public String exportsBucket() {
        return required("EXPORTS_BUCKET");
    }

    /** Finance's e-mail address (a shared mailbox): told when a payroll export is ready. */
    public String financeEmail() {
        return required("FINANCE_EMAIL");
    }

    /** The day of the month (1 to 28, Europe/London) the month's payroll export is made. */
    public int payrollExportDay() {
        return number("PAYROLL_EXPORT_DAY", 20);
    }

    public String meetingsTable() {
        return required("MEETINGS_TABLE");
    }

    public String undeliverableTable() {
        return required("UNDELIVERABLE_TABLE");
    }

    // ---------- sites, mail and keys ----------

    /** The public site, for links in e-mails to applicants and referees. */
    /** The private bucket of expense-claim receipts. */
    public String receiptsBucket() {
        return required("RECEIPTS_BUCKET");
    }

    public String siteUrl() {
        return required("SITE_URL");
    }

    /** The staff site, for links in e-mails to staff and the panel. */
    public String staffSiteUrl() {
        return required("STAFF_SITE_URL");
    }

    public String mailQueueUrl() {
        return required("MAIL_QUEUE_URL");
    }

    /** Where the id of a message that finally failed is put, for the dead-letter alarm. */
    public String mailDeadLetterQueueUrl() {
        return required("MAIL_DEAD_LETTER_QUEUE_URL");
    }

    public String mailFrom() {
        return required("MAIL_FROM");
    }

    /** The SES configuration set that publishes bounces and complaints (none when unset). */
    public String mailConfigurationSet() {
        return optional("MAIL_CONFIGURATION_SET").orElse("");
    }

    /**
     * How long a message SES refuses for a reason that may pass (paused, not set up, throttled, down) is retried,
     * counted from its first failure, before it is FAILED and listed for staff (README: "When is an e-mail lost?").
     */
    public Duration mailRetryWindow() {
        return Duration.ofHours(number("MAIL_RETRY_HOURS", 72));
    }

    /**
     * Says that a bean signs or checks with the keys of {@code purpose}: its secret's setting ({@link
     * KeyPurpose#setting()}, the secret's ARN) must be in the function's environment, and is asked for when the bean is
     * built, so a function given too few keys fails to start (FunctionEnvironmentTest) rather than on some request.
     */
    public void needsKeys(KeyPurpose purpose) {
        required(purpose.setting());
    }

    /**
     * The current key of a purpose whose key never rotates (a derivation key: panel ids, return codes, monitoring),
     * read from the key store each time it is used (the store keeps it warm).
     */
    public java.util.function.Supplier<String> keysOf(SigningKeys keys, KeyPurpose purpose) {
        needsKeys(purpose);
        return () -> keys.keyring(purpose).current();
    }

    /**
     * How long a link key is kept after it stops being current (LINK_KEYS_KEPT_DAYS): at least the longest a link
     * lives (a withdraw link, 400 days), or links still in people's inboxes stop working.
     */
    public Duration linkKeysKept() {
        return Duration.ofDays(number("LINK_KEYS_KEPT_DAYS", 401));
    }

    // ---------- staff sign-in ----------

    public String staffTokenIssuer() {
        return required("STAFF_TOKEN_ISSUER");
    }

    public String staffTokenAudience() {
        return required("STAFF_TOKEN_AUDIENCE");
    }

    public String staffJwksUrl() {
        return required("STAFF_JWKS_URL");
    }

    /** Cognito's hosted sign-in; empty where there is none (the local runtime signs in by itself). */
    public String staffAuthDomain() {
        return optional("STAFF_AUTH_DOMAIN").orElse("");
    }

    /** Where the sign-in page sends people instead of Cognito (the local runtime's); empty in AWS. */
    public String staffSignInUrl() {
        return optional("STAFF_SIGN_IN_URL").orElse("");
    }

    // ---------- each area's numbers ----------

    /** Counts below this are never shown in the equality report or its download (default 10). */
    public int monitoringSuppressionThreshold() {
        return number("MONITORING_SUPPRESSION_THRESHOLD", 10);
    }

    public int quickestHumanApplicationSeconds() {
        return number("QUICKEST_HUMAN_APPLICATION_SECONDS", 20);
    }

    /** At most this many acknowledgement e-mails to one address in any 24 hours (a rolling window). */
    public int acknowledgementsPerAddressPerDay() {
        return number(
                "ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY",
                org.involve.core.application.ApplyingSettings
                        .DEFAULT_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY);
    }

    /** At most this many applications sent from one client (network address) in any hour (a rolling hour). */
    public int applicationsPerClientPerHour() {
        return number(
                "APPLICATIONS_PER_CLIENT_PER_HOUR",
                org.involve.core.application.ApplyingSettings
                        .DEFAULT_APPLICATIONS_PER_CLIENT_PER_HOUR);
    }

    public int acknowledgementWarningDays() {
        return number("ACKNOWLEDGEMENT_WARNING_DAYS", 2);
    }

    public int referenceReminderDays() {
        return number("REFERENCE_REMINDER_DAYS", 5);
    }

    public int referenceMaximumReminders() {
        return number("REFERENCE_MAXIMUM_REMINDERS", 2);
    }

    public int referenceLinkDays() {
        return number("REFERENCE_LINK_DAYS", 28);
    }

    /** How long a partner's "your involvement" link works, in days (PARTNER_LINK_DAYS, default 60). */
    public int partnerLinkDays() {
        return number("PARTNER_LINK_DAYS", 60);
    }

    /** How many days before a meeting its papers are sent (MEETING_PAPERS_DAYS, default 7). */
    public int meetingPapersDays() {
        return number("MEETING_PAPERS_DAYS", 7);
    }

    /** How many days before a partner's time in a role ends they and staff are asked to review it (TENURE_REVIEW_DAYS, default 90). */
    public int tenureReviewDays() {
        return number("TENURE_REVIEW_DAYS", 90);
    }

    public int interviewReminderLeadDays() {
        return number("INTERVIEW_REMINDER_LEAD_DAYS", 1);
    }

    // ---------- keeping personal data ----------

    /**
     * How long each kind of record is kept (the RETENTION_* settings; the defaults and their reasons are
     * {@link Retention}'s): the privacy notice shows them and the retention job deletes by them.
     */
    public Retention retention() {
        Retention d = Retention.DEFAULTS;
        return new Retention(
                number("RETENTION_DRAFT_DAYS", d.draftDays()),
                number("RETENTION_UNSUCCESSFUL_MONTHS", d.unsuccessfulMonths()),
                number("RETENTION_PARTNER_YEARS", d.partnerYears()),
                number("RETENTION_PAYMENT_YEARS", d.paymentYears()),
                number("RETENTION_SENT_EMAIL_DAYS", d.sentEmailDays()));
    }

    // ---------- paying partners ----------

    /**
     * HMRC's approved mileage rates in pence a mile (MILEAGE_CAR_PENCE 45 for the first MILEAGE_CAR_THRESHOLD_MILES
     * 10,000 business miles in a tax year, MILEAGE_CAR_AFTER_PENCE 25 after, MILEAGE_MOTORCYCLE_PENCE 24,
     * MILEAGE_BICYCLE_PENCE 20): settings because HMRC can change them.
     */
    public MileageRates mileageRates() {
        return new MileageRates(
                number("MILEAGE_CAR_PENCE", 45),
                number("MILEAGE_CAR_AFTER_PENCE", 25),
                number("MILEAGE_CAR_THRESHOLD_MILES", 10_000),
                number("MILEAGE_MOTORCYCLE_PENCE", 24),
                number("MILEAGE_BICYCLE_PENCE", 20));
    }

    /** The PPV policy's full days a month on average, a warning never a block (PAYMENT_GUIDELINE_DAYS_A_MONTH, 2). */
    public Guideline paymentGuideline() {
        return new Guideline(number("PAYMENT_GUIDELINE_DAYS_A_MONTH", 2));
    }

    // ---------- reading ----------

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingSetting(name));
    }

    private int number(String name, int fallback) {
        String value = optional(name).orElse(null);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "Setting " + name + " must be a whole number: check template.yaml", e);
        }
    }

    /** A setting the function's beans need is not in its environment. */
    public static final class MissingSetting extends IllegalStateException {
        private final String name;

        MissingSetting(String name) {
            super("Setting " + name + " is missing: set it in template.yaml");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
