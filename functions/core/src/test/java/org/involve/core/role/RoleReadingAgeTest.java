package org.involve.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleReadingAgeTest {
    private static final String SEED_SUMMARY =
            "The group will provide strategic advice to the leadership team, ensuring that the voices of people with"
                    + " lived experience actively shape our research and innovation programme.";

    @Test
    void wordsInTheSeedsStyleReadAboveNineAndSayWhatRaisesIt() {
        RoleReadingAge r =
                RoleReadingAge.of(
                        Map.of(
                                RoleForm.TITLE, "Strategic Co-production Group member",
                                RoleForm.SUMMARY, SEED_SUMMARY,
                                RoleForm.CRITERIA,
                                        "E: Provide critical friend challenge to the programme\nD: Experience of governance",
                                RoleForm.CONTACT_NAME, "Not read by the public: never counted"));
        assertFalse(r.withinTarget(), "age " + r.age());
        assertTrue(r.shown() > 12, "age " + r.age());
        assertEquals(List.of(SEED_SUMMARY), r.longSentences());
        assertTrue(r.longWords().contains("innovation"), r.longWords().toString());
        assertFalse(r.longWords().contains("counted"));
        assertEquals(
                List.of(
                        "co-production",
                        "critical friend",
                        "lived experience",
                        "strategic",
                        "governance"),
                r.termsToExplain());
    }

    @Test
    void plainWordsAreWithinNineAndTheCriteriaMarkersAreNotCounted() {
        RoleReadingAge r =
                RoleReadingAge.of(
                        Map.of(
                                RoleForm.TITLE, "Group member",
                                RoleForm.SUMMARY,
                                        "Help us make health care better. You will meet with us once a month.",
                                RoleForm.CRITERIA,
                                        "E: You like to talk and to listen\nD: You know your local area"));
        assertTrue(r.withinTarget(), "age " + r.age());
        assertEquals(List.of(), r.longSentences());
        assertEquals(List.of(), r.termsToExplain());
        assertFalse(r.longWords().contains("e"), "no marker is a word");
        assertEquals(2 + 14 + 7 + 5, r.words(), "E: and D: are markers, not words");
    }

    @Test
    void anEmptyFormHasNothingToShow() {
        assertTrue(RoleReadingAge.of(Map.of()).isEmpty());
    }
}
