package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingAgeTest {
    @Test
    void countsSyllablesOfCommonWordsByTheHeuristic() {
        assertEquals(1, ReadingAge.syllables("cat"));
        assertEquals(1, ReadingAge.syllables("made"));
        assertEquals(1, ReadingAge.syllables("takes"));
        assertEquals(1, ReadingAge.syllables("stopped"));
        assertEquals(2, ReadingAge.syllables("wanted"));
        assertEquals(2, ReadingAge.syllables("needed"));
        assertEquals(2, ReadingAge.syllables("table"));
        assertEquals(2, ReadingAge.syllables("people"));
        assertEquals(2, ReadingAge.syllables("places"));
        assertEquals(2, ReadingAge.syllables("boxes"));
        assertEquals(2, ReadingAge.syllables("reading"));
        assertEquals(3, ReadingAge.syllables("telephone"));
        assertEquals(4, ReadingAge.syllables("application"));
        assertEquals(4, ReadingAge.syllables("involvement"));
        assertEquals(5, ReadingAge.syllables("opportunities"));
        assertEquals(1, ReadingAge.syllables("you'll"));
        assertEquals(1, ReadingAge.syllables("{name}"));
        assertEquals(1, ReadingAge.syllables("involve@example.org"));
        assertEquals(1, ReadingAge.syllables("30"));
    }

    @Test
    void theGradeIsFleschKincaidPlusFiveOnAHandCountedText() {
        // 2 sentences, 12 words, 15 syllables (counted by hand):
        // "The cat sat on the mat." 6 words, 6 syllables; "We have received your application." 5
        // words... see below
        ReadingAge r = ReadingAge.of("The cat sat on the mat. Then it went to sleep by the door.");
        assertEquals(2, r.sentences().size());
        assertEquals(14, r.words());
        assertEquals(14, r.syllables());
        double grade = 0.39 * 14 / 2 + 11.8 * 14 / 14 - 15.59;
        assertEquals(grade + 5, r.age(), 1e-9);
    }

    @Test
    void plainWordsReadYoungerThanOfficialOnes() {
        ReadingAge plain =
                ReadingAge.of(
                        "We will tell you if you have got the role. We will do this by the end of May.");
        ReadingAge official =
                ReadingAge.of(
                        "Applicants will be notified of the outcome of their application following the conclusion of"
                                + " the assessment process, which is anticipated to be completed by the end of May.");
        assertTrue(plain.withinTarget(), "plain: " + plain.age());
        assertFalse(official.withinTarget(), "official: " + official.age());
        assertTrue(official.age() > 17, "official: " + official.age());
        assertEquals(1, official.longSentences().size());
        assertTrue(
                official.longWords().containsAll(List.of("applicants", "notified", "application")));
        assertFalse(plain.longWords().contains("role"));
    }

    @Test
    void splitsSentencesAtEndMarksAndLineBreaksAndCountsAddressesAsOneWord() {
        ReadingAge r =
                ReadingAge.of(
                        "Dear {name},\nThank you! Is it right? Email involve@example.org: we will reply");
        assertEquals(
                List.of(
                        "Dear {name},",
                        "Thank you!",
                        "Is it right?",
                        "Email involve@example.org:",
                        "we will reply"),
                r.sentences().stream().map(ReadingAge.Sentence::text).toList());
        assertEquals(2, r.sentences().get(3).words());
    }

    @Test
    void theWorstSentencesComeFirstAndShortPiecesCanBeLeftOut() {
        ReadingAge r =
                ReadingAge.ofAll(
                        List.of(
                                "Accessibility",
                                "You can ask us for help.",
                                "Reasonable out-of-pocket expenses are reimbursed irrespective of remuneration."));
        List<ReadingAge.Sentence> worst = r.worst(2, 4);
        assertEquals(2, worst.size());
        assertTrue(worst.get(0).text().startsWith("Reasonable"));
        assertEquals("You can ask us for help.", worst.get(1).text());
    }

    @Test
    void blankTextHasNoAge() {
        assertEquals(0, ReadingAge.of("  ").age());
        assertEquals(0, ReadingAge.of(null).words());
    }
}
