package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void readsAnEntryOfAnArea() {
        assertEquals("Involve", Words.of("common").get("service.name"));
    }

    @Test
    void fillsNamedPlaceholdersAndRefusesAMissingOne() {
        Words w = Words.of("test-words");
        assertEquals(
                "Dear Ada Lovelace, £150 a day",
                w.format("greeting", "name", "Ada Lovelace", "rate", "£150"));
        assertThrows(IllegalArgumentException.class, () -> w.format("greeting", "name", "Ada"));
    }

    @Test
    void aMissingKeyOrAreaNamesItself() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> Words.of("common").get("no.such.key"));
        assertTrue(e.getMessage().contains("no.such.key"));
        assertThrows(IllegalStateException.class, () -> Words.of("no-such-area"));
    }
}
