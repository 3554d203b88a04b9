package org.involve.core.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;

/**
 * A submitted application. {@code applicantKey} identifies the person for this role (from their e-mail,
 * or phone, or name and postcode) so the same person applying twice makes one application.
 * Nothing in it links to the equal-opportunities answers: their key is worked out from the reference with a key only
 * the monitoring form and the equality report hold ({@code monitoring.MonitoringKey}).
 */
public record Application(
        String reference,
        String roleId,
        String applicantKey,
        Status status,
        Map<String, String> answers,
        Instant submittedAt,
        String contactMethod,
        Acknowledgement acknowledgement,
        String enteredBy,
        Map<String, String> progress) {

    /**
     * Where the application has got to in its recruitment round. Each step is taken by one staff area (or job) and
     * stored with its audit entry; {@link #label()} is how staff pages show it.
     */
    public enum Status {
        RECEIVED,
        HELD_TO_TALK_FIRST,
        NOT_SHORTLISTED,
        INVITED_TO_INTERVIEW,
        INTERVIEW_BOOKED,
        NOT_APPOINTED,
        REFERENCES_REQUESTED,
        REFERENCES_RECEIVED,
        APPOINTED,
        /** The applicant withdrew (through their link, or by telephone or post to staff); they were told at once. */
        WITHDRAWN,
        /** Invited but never came to interview (or never booked); they were told at once. */
        DID_NOT_ATTEND,
        /**
         * Successful at interview when no place was left: on the reserve list until staff offer them a place (references,
         * as for any successful applicant) or close the list (an unsuccessful outcome).
         */
        RESERVE;

        /**
         * Ended by the applicant's own choice or absence, and told when it was recorded: nothing more happens to it, and
         * it counts as having its outcome.
         */
        public boolean endedEarly() {
            return this == WITHDRAWN || this == DID_NOT_ATTEND;
        }

        /**
         * The application ended without a place (not shortlisted, not appointed, withdrawn, did not attend): nothing more
         * happens to it, and it is kept for the unsuccessful retention period from the last step that reached such a
         * status (the outcome, or telling the applicant of it), then deleted (kit.Retention, the retention job).
         */
        public boolean endedWithoutAPlace() {
            return this == NOT_SHORTLISTED
                    || this == NOT_APPOINTED
                    || this == WITHDRAWN
                    || this == DID_NOT_ATTEND;
        }

        /** The status in words, from status.NAME in content/applications. */
        public String label() {
            return Words.of("applications").get("status." + name());
        }
    }

    /** How receipt is acknowledged: an e-mail already queued, or a task for staff to phone or write. */
    public enum Acknowledgement {
        EMAIL_QUEUED,
        STAFF_TO_CONTACT,
        /**
         * By e-mail, but not sent: too many acknowledgements to this address today (someone may be using the form to
         * send e-mail to an address that is not theirs). Staff see it on the application, and it stays unacknowledged
         * until they acknowledge it another way.
         */
        EMAIL_LIMITED
    }

    public Application {
        answers = Map.copyOf(answers);
        progress = progress == null ? Map.of() : Map.copyOf(progress);
    }

    /** A newly submitted application: nothing has happened to it yet. */
    public Application(
            String reference,
            String roleId,
            String applicantKey,
            Status status,
            Map<String, String> answers,
            Instant submittedAt,
            String contactMethod,
            Acknowledgement acknowledgement,
            String enteredBy) {
        this(
                reference,
                roleId,
                applicantKey,
                status,
                answers,
                submittedAt,
                contactMethod,
                acknowledgement,
                enteredBy,
                Map.of());
    }

    /**
     * What the round's steps have recorded about it, by name ("interview.slot", "outcome"): each area names its own
     * facts with its own prefix, in its one typed record of them ({@code InterviewFacts}, {@code OutcomeFacts}...,
     * through {@link Facts}), which is the only place to read or write them. Empty when nothing is recorded.
     */
    public String progress(String fact) {
        return progress.getOrDefault(fact, "");
    }

    /** The application after a step: its new status, and the step's facts added to those already recorded. */
    public Application after(Status to, Map<String, String> facts) {
        Map<String, String> p = new java.util.HashMap<>(progress);
        p.putAll(facts);
        return new Application(
                reference,
                roleId,
                applicantKey,
                to,
                answers,
                submittedAt,
                contactMethod,
                acknowledgement,
                enteredBy,
                p);
    }

    public String answer(String field) {
        return answers.getOrDefault(field, "");
    }

    /**
     * Where the application has got to, as a version a staff form carries: its status, acknowledgement and every fact
     * the round has recorded (in name order). Any step taken or fact recorded gives another.
     */
    public String version() {
        return Version.of(status + "|" + acknowledgement + "|" + new TreeMap<>(progress));
    }

    /**
     * This application, if it is still the {@code version} a member of staff's form was read at: the one place an
     * application's version is checked. Otherwise nothing may be done from that form, and {@link ChangedMeanwhile}
     * carries the application as it is now.
     */
    public Application unchangedSince(String version) {
        if (!Version.matches(version, version())) throw new ChangedMeanwhile(this);
        return this;
    }

    /**
     * The version of a page that acts on several applications at once (those it lists): each one's reference and
     * version, in reference order.
     */
    public static String versionOf(Collection<Application> applications) {
        return Version.of(
                applications.stream()
                        .sorted(Comparator.comparing(Application::reference))
                        .map(a -> a.reference() + "=" + a.version())
                        .collect(Collectors.joining(";")));
    }

    /**
     * The one check for a page that acts on several applications at once: they are still exactly those the page
     * listed, each as it was; otherwise {@link ChangedMeanwhile}, without a single application to show.
     */
    public static void unchangedSince(Collection<Application> applications, String version) {
        if (!Version.matches(version, versionOf(applications)))
            throw new ChangedMeanwhile(null, "error.listChangedMeanwhile");
    }

    /**
     * Someone else changed the application (or one of those a page listed) after the form was read, or the form
     * carried no version: nothing was done.
     */
    public static final class ChangedMeanwhile extends Refused {
        private final transient Application current;

        public ChangedMeanwhile(Application current) {
            this(current, "error.changedMeanwhile");
        }

        private ChangedMeanwhile(Application current, String words) {
            super(Words.of("applications").get(words));
            this.current = current;
        }

        /** The application as it is now; null when a page listing several was out of date. */
        public Application current() {
            return current;
        }
    }
}
