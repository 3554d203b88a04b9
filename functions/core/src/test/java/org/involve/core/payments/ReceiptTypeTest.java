package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.involve.core.fakes.InMemoryReceipts;
import org.junit.jupiter.api.Test;

/** A receipt's type is known by its first bytes, never by its name. */
class ReceiptTypeTest {
    @Test
    void aPdfAJpegAndAPngAreKnownByTheirFirstBytes() {
        assertEquals(Optional.of(ReceiptType.PDF), ReceiptType.of(InMemoryReceipts.PDF));
        assertEquals(Optional.of(ReceiptType.JPEG), ReceiptType.of(InMemoryReceipts.JPEG));
        assertEquals(Optional.of(ReceiptType.PNG), ReceiptType.of(InMemoryReceipts.PNG));
        assertEquals("image/png", ReceiptType.PNG.contentType());
    }

    @Test
    void anythingElseIsNotAReceiptWhateverItIsCalled() {
        assertTrue(ReceiptType.of(InMemoryReceipts.NOT_A_RECEIPT).isEmpty());
        assertTrue(ReceiptType.of("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(ReceiptType.of("GIF89a".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(ReceiptType.of(new byte[] {'%', 'P', 'D'}).isEmpty(), "too short to tell");
        assertTrue(ReceiptType.of(new byte[0]).isEmpty());
        assertTrue(ReceiptType.of(null).isEmpty());
        // a PNG signature with one byte wrong
        byte[] png = InMemoryReceipts.PNG.clone();
        png[7] = 0;
        assertTrue(ReceiptType.of(png).isEmpty());
    }

    @Property
    void onlyTheThreeSignaturesAreTaken(@ForAll byte[] first) {
        Optional<ReceiptType> t = ReceiptType.of(first);
        boolean pdf = starts(first, InMemoryReceipts.PDF, 5),
                jpeg = starts(first, InMemoryReceipts.JPEG, 3),
                png = starts(first, InMemoryReceipts.PNG, 8);
        assertEquals(pdf || jpeg || png, t.isPresent());
    }

    private static boolean starts(byte[] a, byte[] magic, int n) {
        if (a.length < n) return false;
        for (int i = 0; i < n; i++) if (a[i] != magic[i]) return false;
        return true;
    }

    @Test
    void everyCostNeedsAReceiptButMileageIsWorkedOutFromTheMiles() {
        for (ApprovedClaim.ExpenseKind k : ApprovedClaim.ExpenseKind.values())
            assertTrue(k.needsReceipt(), k.name());
    }
}
