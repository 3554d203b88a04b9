package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading age 9 for everything the public reads (issue 14, item 4): the reading age ({@link ReadingAge}: Flesch-Kincaid
 * grade + 5) of the public entries of each content file, taken together as a reader meets them on a page or in an
 * e-mail, must be at most {@link ReadingAge#TARGET} (9). The failure lists the worst sentences so a content designer
 * knows what to rewrite. Run with {@code -Dreading.report=true} to print the figures for every file.
 *
 * <p>Tolerance: none on a file as a whole. The formula says little about one short entry: "We will not contact you or
 * your referees again about this application." scores 13.8 on two long but everyday words. So a single entry is held
 * to a looser bar: an entry of {@link #ENTRY_MIN_WORDS} words or more (a paragraph) may be at most {@link
 * #ENTRY_LIMIT} (9 plus 3 years of tolerance), and no public sentence may be longer than {@link #SENTENCE_LIMIT}
 * words (GOV.UK asks for under 20; 25 leaves room for a sentence that names an organisation in full). Entries whose
 * words the law or a standard sets ({@link #FIXED_WORDING}) are left out of all three bars (the report shows each
 * file's figure with them too).
 */
class PublicReadingAgeTest {
    static final int ENTRY_MIN_WORDS = 25;
    static final double ENTRY_LIMIT = ReadingAge.TARGET + 3;
    static final int SENTENCE_LIMIT = 25;

    /**
     * The public entries of each content file: the keys starting with one of these prefixes (an empty prefix: the
     * whole file). Everything else is read by staff only: staff pages, e-mails to the team and staff notices.
     */
    static final Map<String, List<String>> PUBLIC = new LinkedHashMap<>();

    /** Keys under a public prefix that staff read (e-mails to the team that share a prefix with public ones). */
    static final List<String> STAFF_ONLY =
            List.of(
                    "email.acknowledgementTask.",
                    "email.appliedAgainTask.",
                    "email.supportRequest.",
                    "email.talkFirst.",
                    "reason.talkFirst");

    /**
     * Entries whose wording is set by law or a standard (patterns on "area key"): the accessibility statement's set
     * sentences (the regulations' full name, the compliance status, the enforcement procedure), the legal bases the
     * privacy notice must cite, and the equal opportunities questions and answers, which keep the ONS census 2021
     * wording so the answers can be compared with the population. Nobody here can make them plainer, so they are left
     * out of the figure a file is held to and out of the entry and sentence bars; the report shows each file's
     * figure with them too.
     */
    static final List<Pattern> FIXED_WORDING =
            Stream.of(
                            "privacy page\\.accessibility\\.(enforcement|status|technical)\\.body",
                            "privacy page\\.accessibility\\.(technical|report)\\.heading",
                            "privacy page\\.accessibility\\.enforcement\\.link",
                            "privacy page\\.privacy\\.why\\.monitoring\\.basis",
                            "monitoring field\\.[a-zA-Z]+\\.(label|legend|option\\..*)")
                    .map(Pattern::compile)
                    .toList();

    static {
        PUBLIC.put("common", List.of(""));
        PUBLIC.put("apply", List.of("page.", "field.", "error.", "email."));
        PUBLIC.put("privacy", List.of(""));
        PUBLIC.put("monitoring", List.of(""));
        PUBLIC.put("roles", List.of("describe."));
        PUBLIC.put(
                "interviews",
                List.of(
                        "email.invitation.",
                        "email.confirmation.",
                        "email.reminder.",
                        "email.remindToBook.",
                        "email.didNotAttend.",
                        "email.reachBy",
                        "page.booking.",
                        "field.slot.",
                        "field.adjustments.",
                        "error.booking."));
        PUBLIC.put(
                "references",
                List.of(
                        "email.request.",
                        "email.reserve.",
                        "page.referee.",
                        "field.howTheyKnow.",
                        "field.knownFor.",
                        "field.whatTheyBring.",
                        "field.reasonNotToAppoint.",
                        "field.reasonDetails.",
                        "field.confirmed."));
        PUBLIC.put(
                "outcomes", List.of("email.unsuccessful.", "email.welcome.", "email.contactWays"));
        PUBLIC.put(
                "withdrawal",
                List.of(
                        "email.confirmation.",
                        "email.withdrawLine",
                        "page.withdraw.",
                        "page.withdrawn.",
                        "page.tooLate.",
                        "page.refused"));
        PUBLIC.put(
                "partners",
                List.of(
                        "document.",
                        "email.yourLink.",
                        "email.newLink.",
                        "email.farewell.",
                        "page.you.",
                        "page.step.",
                        "page.linkRefused.",
                        "page.linkSent.",
                        "page.newLink.",
                        "field.returnDate.",
                        "field.confirmRetire.",
                        "field.agree.",
                        "field.interests.",
                        "field.itKind.",
                        "field.itDetail.",
                        "field.linkEmail."));
        PUBLIC.put(
                "tenure",
                List.of(
                        "email.reviewAsk.",
                        "email.reviewChase.",
                        "email.thankYou.",
                        "email.extended.",
                        "email.checkInAsk.",
                        "email.checkInChase.",
                        "page.review.",
                        "page.checkIn.",
                        "page.you.",
                        "field.partnerAnswer.",
                        "field.howGoing.",
                        "field.support.",
                        "error.review.notOpen",
                        "error.checkIn.notOpen"));
        PUBLIC.put(
                "payments",
                List.of(
                        "email.claimApproved.",
                        "email.claimRejected.",
                        "email.benefits",
                        "page.claim",
                        "field.amount",
                        "field.claimDate",
                        "field.date",
                        "field.hours",
                        "field.kind",
                        "field.miles",
                        "field.minutes",
                        "field.time",
                        "field.vehicle",
                        "error.nothingClaimed",
                        "error.noDraft"));
        PUBLIC.put("meetings", List.of("email.invitation.", "email.papers."));
        PUBLIC.put("impact", List.of("email.digest."));
        PUBLIC.put("dataprotection", List.of("email.erased."));
    }

    /** The public entries of one area, key to text, placeholders left as they are (each reads as one short word). */
    static Map<String, String> publicEntries(String area) {
        Words words = Words.of(area);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : words.keys().stream().sorted().toList()) {
            boolean isPublic = PUBLIC.get(area).stream().anyMatch(key::startsWith);
            boolean staffOnly = STAFF_ONLY.stream().anyMatch(key::startsWith);
            if (isPublic && !staffOnly) entries.put(key, words.get(key));
        }
        return entries;
    }

    static boolean fixedWording(String area, String key) {
        return FIXED_WORDING.stream().anyMatch(f -> f.matcher(area + " " + key).matches());
    }

    /** The reading age of an area's public entries, with or without the entries whose wording is fixed. */
    static ReadingAge readingAge(String area, boolean withFixedWording) {
        return ReadingAge.ofAll(
                publicEntries(area).entrySet().stream()
                        .filter(e -> withFixedWording || !fixedWording(area, e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList());
    }

    @Test
    void everyAreaHasPublicEntries() {
        for (String area : PUBLIC.keySet()) assertFalse(publicEntries(area).isEmpty(), area);
    }

    @Test
    void everyPublicContentFileReadsAtAgeNineOrUnder() {
        List<String> faults = new ArrayList<>();
        for (String area : PUBLIC.keySet()) {
            ReadingAge r = readingAge(area, false);
            if (Boolean.getBoolean("reading.report"))
                System.out.printf(
                        Locale.UK,
                        "READING %-15s age %5.2f (%5.2f with fixed wording)  %5d words  %4d sentences  %3d over 20"
                                + " words%n",
                        area,
                        r.age(),
                        readingAge(area, true).age(),
                        r.words(),
                        r.sentences().size(),
                        r.longSentences().size());
            if (!r.withinTarget()) {
                StringBuilder why = new StringBuilder();
                why.append(
                        String.format(
                                Locale.UK,
                                "%s: reading age %.1f; hardest sentences:",
                                area,
                                r.age()));
                for (ReadingAge.Sentence s : r.worst(Integer.getInteger("reading.worst", 5), 6))
                    why.append(String.format(Locale.UK, "%n    %.1f  %s", s.age(), s.text()));
                faults.add(why.toString());
            }
        }
        assertEquals(List.of(), faults, String.join("\n", faults));
    }

    @Test
    void noPublicEntryIsFarAboveAgeNineAndNoSentenceIsTooLong() {
        List<String> faults = new ArrayList<>();
        List<ReadingAge.Sentence> all = new ArrayList<>();
        for (String area : PUBLIC.keySet())
            for (Map.Entry<String, String> e : publicEntries(area).entrySet()) {
                ReadingAge r = ReadingAge.of(e.getValue());
                all.addAll(r.sentences());
                if (FIXED_WORDING.stream()
                        .anyMatch(f -> f.matcher(area + " " + e.getKey()).matches())) continue;
                if (r.words() >= ENTRY_MIN_WORDS && r.age() > ENTRY_LIMIT)
                    faults.add(
                            String.format(
                                    Locale.UK,
                                    "%s %s: age %.1f: %s",
                                    area,
                                    e.getKey(),
                                    r.age(),
                                    e.getValue()));
                for (ReadingAge.Sentence s : r.longSentences())
                    if (s.words() > SENTENCE_LIMIT)
                        faults.add(
                                String.format(
                                        Locale.UK,
                                        "%s %s: %d words: %s",
                                        area,
                                        e.getKey(),
                                        s.words(),
                                        s.text()));
            }
        if (Boolean.getBoolean("reading.report")) {
            ReadingAge everything =
                    ReadingAge.ofAll(all.stream().map(ReadingAge.Sentence::text).toList());
            System.out.printf(Locale.UK, "READING all public text: age %.2f%n", everything.age());
            for (ReadingAge.Sentence s : everything.worst(5, 6))
                System.out.printf(Locale.UK, "WORST %.1f  %s%n", s.age(), s.text());
        }
        assertEquals(List.of(), faults, faults.size() + " faults:\n" + String.join("\n", faults));
    }
}
