package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.InMemoryReceipts;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Words;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/**
 * A receipt for a cost: uploaded straight to the store under a key of the claim, then kept only if its first bytes
 * show a PDF, JPEG or PNG of at most 10 MB; anything else is deleted and the partner told plainly.
 */
class ClaimReceiptsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Words W = Words.of("payments");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    final InMemoryReceipts receipts = new InMemoryReceipts();
    final AtomicInteger ids = new AtomicInteger();
    final ClaimMaking making =
            new ClaimMaking(claims, receipts, clock, () -> "k" + ids.incrementAndGet());
    final Partner partner = appoint();

    Partner appoint() {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 6, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(20))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return r.partners.partner(made.id()).flatMap(PartnerRecords.Stored::partner).orElseThrow();
    }

    Claim railAndParking() {
        making.add(
                partner,
                ClaimMaking.COST,
                ClaimMakingTest.on("3", "kind", "rail", "amount", "23.40"),
                null);
        making.add(
                partner,
                ClaimMaking.COST,
                ClaimMakingTest.on("3", "kind", "parking", "amount", "6", "reason", "No bus"),
                null);
        return making.draft(partner).orElseThrow();
    }

    /** What the browser does: gets the form, sends the file to the key in it. */
    String upload(String cost, byte[] file) {
        Receipts.UploadForm form =
                making.receiptForm(partner, cost, "https://involve.example/back").orElseThrow();
        String key = form.fields().get("key");
        receipts.put(key, file);
        return key;
    }

    @Test
    void aPdfIsKeptWithItsCostAndTheAuditTrailSaysSo() {
        Claim draft = railAndParking();
        String key = upload("0", InMemoryReceipts.PDF);
        assertTrue(key.startsWith(draft.id() + "/"), "keys are under the claim: " + key);
        var result = making.attachReceipt(partner, "0", key, null);
        var saved = assertInstanceOf(ClaimMaking.Result.Saved.class, result);
        assertEquals("receiptAdded", saved.notice());
        Claim after = making.draft(partner).orElseThrow();
        assertEquals(key, after.expenses().get(0).receiptKey());
        assertNull(after.expenses().get(1).receiptKey());
        assertEquals(List.of(after.expenses().get(1)), after.missingReceipts());
        assertEquals("receipt added", r.audit.trailOf("claim#" + draft.id()).get(2).what());
        // coming back to the same address again changes nothing
        assertInstanceOf(
                ClaimMaking.Result.Saved.class, making.attachReceipt(partner, "0", key, null));
        assertEquals(after.version(), making.draft(partner).orElseThrow().version());
    }

    @Test
    void aJpegAndAPngAreTakenToo() {
        railAndParking();
        String jpeg = upload("0", InMemoryReceipts.JPEG), png = upload("1", InMemoryReceipts.PNG);
        assertInstanceOf(
                ClaimMaking.Result.Saved.class, making.attachReceipt(partner, "0", jpeg, null));
        assertInstanceOf(
                ClaimMaking.Result.Saved.class, making.attachReceipt(partner, "1", png, null));
        assertTrue(making.draft(partner).orElseThrow().missingReceipts().isEmpty());
    }

    @Test
    void aFileThatIsNotAPdfJpegOrPngIsDeletedAndThePartnerToldPlainly() {
        Claim draft = railAndParking();
        String key = upload("0", InMemoryReceipts.NOT_A_RECEIPT);
        var invalid =
                assertInstanceOf(
                        ClaimMaking.Result.Invalid.class,
                        making.attachReceipt(partner, "0", key, null));
        assertEquals(
                W.get("field.file.error.type"), invalid.errors().asMap().get(ClaimMaking.FILE));
        assertFalse(receipts.stored.containsKey(key), "deleted at once");
        assertEquals(draft, making.draft(partner).orElseThrow(), "the claim is as it was");
    }

    @Test
    void aFileOver10MbOrEmptyIsDeleted() {
        railAndParking();
        byte[] big = Arrays.copyOf(InMemoryReceipts.PDF, (int) ReceiptType.MOST_BYTES + 1);
        String key = upload("0", big);
        var invalid =
                assertInstanceOf(
                        ClaimMaking.Result.Invalid.class,
                        making.attachReceipt(partner, "0", key, null));
        assertEquals(
                W.get("field.file.error.tooBig"), invalid.errors().asMap().get(ClaimMaking.FILE));
        assertFalse(receipts.stored.containsKey(key));
        byte[] exactly = Arrays.copyOf(InMemoryReceipts.PDF, (int) ReceiptType.MOST_BYTES);
        assertInstanceOf(
                ClaimMaking.Result.Saved.class,
                making.attachReceipt(partner, "0", upload("0", exactly), null));
        String empty = upload("1", new byte[0]);
        assertEquals(
                W.get("field.file.error.empty"),
                ((ClaimMaking.Result.Invalid) making.attachReceipt(partner, "1", empty, null))
                        .errors()
                        .asMap()
                        .get(ClaimMaking.FILE));
    }

    @Test
    void nothingUploadedIsSaidSo() {
        railAndParking();
        String key = making.receiptForm(partner, "0", "x").orElseThrow().fields().get("key");
        var invalid =
                assertInstanceOf(
                        ClaimMaking.Result.Invalid.class,
                        making.attachReceipt(partner, "0", key, null));
        assertEquals(W.get("field.file.error"), invalid.errors().asMap().get(ClaimMaking.FILE));
    }

    @Test
    void aKeyOfAnotherClaimOrACostNotThereIsRefused() {
        railAndParking();
        String key = upload("0", InMemoryReceipts.PDF);
        assertInstanceOf(
                ClaimMaking.Result.Refused.class,
                making.attachReceipt(partner, "0", "other-claim/k1", null));
        assertInstanceOf(
                ClaimMaking.Result.Refused.class, making.attachReceipt(partner, "5", key, null));
        assertInstanceOf(
                ClaimMaking.Result.Refused.class, making.attachReceipt(partner, "x", key, null));
        assertTrue(making.receiptForm(partner, "2", "x").isEmpty());
        assertTrue(
                new ClaimMaking(claims, clock, () -> "k").receiptForm(partner, "0", "x").isEmpty(),
                "no store, no receipts");
    }

    @Test
    void aNewReceiptReplacesTheOldOneAndTakingTheCostOutDeletesIt() {
        railAndParking();
        String first = upload("0", InMemoryReceipts.PDF);
        making.attachReceipt(partner, "0", first, null);
        String second = upload("0", InMemoryReceipts.PNG);
        making.attachReceipt(partner, "0", second, null);
        assertFalse(receipts.stored.containsKey(first));
        assertEquals(second, making.draft(partner).orElseThrow().expenses().get(0).receiptKey());
        assertInstanceOf(ClaimMaking.Result.Saved.class, making.remove(partner, "0", null));
        assertFalse(receipts.stored.containsKey(second));
    }

    @Test
    void allOfAClaimsReceiptsAreDeletedTogether() {
        Claim draft = railAndParking();
        making.attachReceipt(partner, "0", upload("0", InMemoryReceipts.PDF), null);
        making.attachReceipt(partner, "1", upload("1", InMemoryReceipts.JPEG), null);
        receipts.put("another-claim/k9", InMemoryReceipts.PDF);
        assertEquals(2, making.draft(partner).orElseThrow().receiptKeys().size());
        assertEquals(2, receipts.deleteAll(draft.id()));
        assertEquals(List.of("another-claim/k9"), List.copyOf(receipts.stored.keySet()));
    }
}
