package org.involve.core.dataprotection;

import java.util.List;
import java.util.Map;

/**
 * Everything held about one person, by kind of record (one {@link Kind} per table or part of one), each record as
 * its fields and values in the order stored. This is both the subject access answer (a page and a file) and the
 * list of what an erasure removes.
 */
public record Held(List<Records> kinds) {
    public Held {
        kinds = List.copyOf(kinds);
    }

    /** The kinds of record Involve holds about a person; the page and the file name them in this order. */
    public enum Kind {
        APPLICATIONS,
        DRAFTS,
        MONITORING_ANSWERS,
        REFERENCES,
        /**
         * As a referee: the references they were asked for and gave (which role, when, what they wrote). Erasure
         * removes what they wrote and their key; the request stays, so the application stays whole.
         */
        REFERENCES_GIVEN,
        /**
         * As a referee: their details as an applicant gave them (name, how they know the applicant, e-mail, phone),
         * and nothing else of the application. Erasure replaces them with a note.
         */
        REFEREE_DETAILS,
        SHORTLISTING,
        INTERVIEW_SLOTS,
        PARTNER_RECORDS,
        ATTENDANCE,
        CHECK_INS,
        TENURE_REVIEWS,
        /** Claims not approved (being written, waiting for a decision, or turned down): erasure deletes them. */
        CLAIMS,
        /** Approved claims: tax law needs them kept, so erasure keeps them restricted (see {@link #keptRestricted}). */
        APPROVED_CLAIMS,
        /** Payment records: kept restricted likewise. */
        PAYMENTS,
        EMAILS,
        UNDELIVERABLE,
        AUDIT;

        /**
         * Records of this kind are kept after an erasure because tax law needs them (HMRC: 6 years after the end of
         * the tax year they were paid in): their name, contact details and free text go, the amounts, dates and ids
         * stay, and they are marked restricted with the reason and the day they may go.
         */
        public boolean keptRestricted() {
            return this == APPROVED_CLAIMS || this == PAYMENTS;
        }

        /**
         * Whether staff are shown this kind's values on the page. Equal opportunities answers are the person's, so the
         * file they are sent holds them, but staff never see them beside a name (nobody holding the applications may
         * join them to the answers): the page says only how many there are.
         */
        public boolean shownToStaff() {
            return this != MONITORING_ANSWERS;
        }
    }

    /** One record: its fields and values as stored (nested values as "outer.inner"). */
    public record Entry(Map<String, String> fields) {
        public Entry {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    public record Records(Kind kind, List<Entry> entries) {
        public Records {
            entries = List.copyOf(entries);
        }
    }

    /**
     * How many records an erasure deletes: every kind but the audit trail (which holds no personal data) and those
     * tax law needs kept ({@link #restricted}).
     */
    public int erasable() {
        return kinds.stream()
                .filter(r -> r.kind() != Kind.AUDIT && !r.kind().keptRestricted())
                .mapToInt(r -> r.entries().size())
                .sum();
    }

    /** How many records an erasure keeps, restricted, because tax law needs them (approved claims, payments). */
    public int restricted() {
        return kinds.stream()
                .filter(r -> r.kind().keptRestricted())
                .mapToInt(r -> r.entries().size())
                .sum();
    }

    /**
     * What was held when a page was read: the erasure form carries it, so staff erase what they saw, and see the page
     * again if something was added meanwhile.
     */
    public String version() {
        return org.involve.core.kit.References.sha256(kinds.toString()).substring(0, 16);
    }

    public List<Entry> of(Kind kind) {
        return kinds.stream()
                .filter(r -> r.kind() == kind)
                .flatMap(r -> r.entries().stream())
                .toList();
    }
}
