package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The hidden end of "Change ..." reads as part of a sentence, but never lower-cases I or an abbreviation. */
class SummaryRowTest {
    @Test
    void aLabelContinuesTheSentenceInLowerCase() {
        assertEquals("full name", SummaryRow.inSentence("Full name"));
        assertEquals(
                "do you have any support needs?",
                SummaryRow.inSentence("Do you have any support needs?"));
    }

    @Test
    void thePronounIAndAbbreviationsKeepTheirCapitals() {
        assertEquals(
                "I have read the privacy notice",
                SummaryRow.inSentence("I have read the privacy notice"));
        assertEquals("UK phone number", SummaryRow.inSentence("UK phone number"));
        assertEquals("if you need help", SummaryRow.inSentence("If you need help"));
    }
}
