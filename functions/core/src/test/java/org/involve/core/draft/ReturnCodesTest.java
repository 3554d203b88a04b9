package org.involve.core.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnCodesTest {
    private final ReturnCodes codes = new ReturnCodes("a-test-return-code-key-of-enough-length");

    @Test
    void referencesAreEightCharactersEasyToReadOut() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String r = ReturnCodes.newReference();
            assertTrue(r.matches("[2-9B-DF-HJ-NP-TV-Z]{4}-[2-9B-DF-HJ-NP-TV-Z]{4}"), r);
            assertFalse(r.matches(".*[01OIAEU].*"), r);
            seen.add(r);
        }
        assertTrue(seen.size() > 490, "references differ");
    }

    @Test
    void aReferenceAsTypedIsFoundInAnyCaseWithOrWithoutSpacesAndDashes() {
        assertEquals(Optional.of("7K3M-Q9P2"), ReturnCodes.reference("7k3m q9p2"));
        assertEquals(Optional.of("7K3M-Q9P2"), ReturnCodes.reference(" 7K3MQ9P2 "));
        assertEquals(Optional.of("7K3M-Q9P2"), ReturnCodes.reference("7K3M-Q9P2"));
        assertEquals(Optional.empty(), ReturnCodes.reference("7K3M-Q9P"), "too short");
        assertEquals(Optional.empty(), ReturnCodes.reference("7K3M-Q9P0"), "0 is never used");
        assertEquals(Optional.empty(), ReturnCodes.reference(null));
    }

    @Test
    void theCodeIsSixReadableCharactersTheSameEachTimeAndDifferentForEachDraft() {
        String code = codes.code("draft-one-0123456789");
        assertTrue(code.matches("[2-9B-DF-HJ-NP-TV-Z]{6}"), code);
        assertEquals(code, codes.code("draft-one-0123456789"));
        assertNotEquals(code, codes.code("draft-two-0123456789"));
        assertNotEquals(
                code,
                new ReturnCodes("another-return-code-key-of-enough-length")
                        .code("draft-one-0123456789"),
                "the code depends on the secret key, so the stored draft alone does not give it");
    }

    @Test
    void aCodeMatchesAsTypedInAnyCaseWithSpacesButNotAnotherDraftsCode() {
        String code = codes.code("draft-one-0123456789");
        assertTrue(codes.matches("draft-one-0123456789", code));
        assertTrue(
                codes.matches(
                        "draft-one-0123456789",
                        " " + code.substring(0, 3).toLowerCase() + " " + code.substring(3)));
        assertFalse(codes.matches("draft-two-0123456789", code));
        assertFalse(codes.matches("draft-one-0123456789", ""));
        assertFalse(codes.matches("draft-one-0123456789", null));
    }

    @Test
    void theKeyMustBeLongEnough() {
        assertThrows(IllegalArgumentException.class, () -> new ReturnCodes("short"));
    }

    @Test
    void aPseudonymHidesTheValueButIsStable() {
        String p = codes.pseudonym("203.0.113.9");
        assertEquals(p, codes.pseudonym("203.0.113.9"));
        assertFalse(p.contains("203"));
        assertNotEquals(p, codes.pseudonym("203.0.113.10"));
    }
}
