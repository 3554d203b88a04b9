package org.involve.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.junit.jupiter.api.Test;

class LinkRedemptionTest {
    private final SignedLink links = new SignedLink("a-test-link-signing-key-of-enough-length");
    private final InMemoryUsedLinks used = new InMemoryUsedLinks();
    private final LinkRedemption redemption = new LinkRedemption(links, used);
    private final Instant now = Instant.parse("2025-10-20T09:00:00Z");
    private final String token =
            links.issue(LinkPurpose.REFERENCE, "refreq-1", now.plus(Duration.ofDays(14)));

    @Test
    void aOneUseLinkIsAcceptedTheFirstTime() {
        var valid =
                assertInstanceOf(
                        LinkCheck.Valid.class,
                        redemption.redeem(token, LinkPurpose.REFERENCE, now));
        assertEquals("refreq-1", valid.subjectId());
    }

    @Test
    void usingALinkASecondTimeIsRefused() {
        redemption.redeem(token, LinkPurpose.REFERENCE, now);
        var refused =
                assertInstanceOf(
                        LinkCheck.Refused.class,
                        redemption.redeem(token, LinkPurpose.REFERENCE, now.plusSeconds(60)));
        assertEquals(LinkRefusal.ALREADY_USED, refused.reason());
        assertTrue(refused.message().contains("already been used"));
    }

    @Test
    void openingTheFormDoesNotUseTheLink() {
        assertTrue(links.verify(token, LinkPurpose.REFERENCE, now).valid());
        assertTrue(links.verify(token, LinkPurpose.REFERENCE, now).valid());
        assertTrue(redemption.redeem(token, LinkPurpose.REFERENCE, now).valid());
    }

    @Test
    void aTamperedExpiredOrMisdirectedLinkIsNotMarkedUsed() {
        redemption.redeem(token + "x", LinkPurpose.REFERENCE, now);
        redemption.redeem(token, LinkPurpose.REFERENCE, now.plus(Duration.ofDays(15)));
        redemption.redeem(token, LinkPurpose.INTERVIEW_BOOKING, now);
        assertTrue(used.used.isEmpty());
        assertTrue(redemption.redeem(token, LinkPurpose.REFERENCE, now).valid());
    }

    @Test
    void aReminderWithANewLinkCanBeUsedOnceEvenThoughItIsAboutTheSameReference() {
        String reminder =
                links.issue(LinkPurpose.REFERENCE, "refreq-1", now.plus(Duration.ofDays(14)));
        assertTrue(redemption.redeem(reminder, LinkPurpose.REFERENCE, now).valid());
        assertEquals(
                LinkRefusal.ALREADY_USED,
                ((LinkCheck.Refused) redemption.redeem(reminder, LinkPurpose.REFERENCE, now))
                        .reason());
    }

    @Test
    void whenManyUseTheLinkAtOnceExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var results =
                    pool.invokeAll(
                            IntStream.range(0, 32)
                                    .mapToObj(
                                            i ->
                                                    (Callable<LinkCheck>)
                                                            () ->
                                                                    redemption.redeem(
                                                                            token,
                                                                            LinkPurpose.REFERENCE,
                                                                            now))
                                    .toList());
            long accepted = 0;
            for (var f : results) if (f.get().valid()) accepted++;
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }
}
