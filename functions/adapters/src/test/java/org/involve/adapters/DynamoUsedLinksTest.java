package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.involve.adapters.internal.Items;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRedemption;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoUsedLinksTest {
    private final AwsEnvironment aws;
    private final DynamoUsedLinks used;

    DynamoUsedLinksTest(AwsEnvironment aws) {
        this.aws = aws;
        this.used = new DynamoUsedLinks(aws.dynamo(), aws.table("UsedLinksTable"));
    }

    @Test
    void aLinkIsUsedOnceEvenWhenTwoUsesRace() throws Exception {
        String tokenId = Samples.unique("token");
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) uses.add(() -> used.markUsed(tokenId, Samples.NOW));
        var pool = Executors.newFixedThreadPool(8);
        try {
            long wins = 0;
            for (var f : pool.invokeAll(uses)) if (f.get()) wins++;
            assertEquals(1, wins);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(used.markUsed(tokenId, Samples.NOW.plusSeconds(5)));
    }

    @Test
    void redeemingThroughTheTableRefusesTheSecondUse() {
        SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
        LinkRedemption redemption = new LinkRedemption(links, used);
        String token = links.issue(LinkPurpose.REFERENCE, "REQ-1", Samples.NOW.plusSeconds(3600));

        assertInstanceOf(
                LinkCheck.Valid.class,
                redemption.redeem(token, LinkPurpose.REFERENCE, Samples.NOW));
        assertEquals(
                new LinkCheck.Refused(LinkRefusal.ALREADY_USED),
                redemption.redeem(token, LinkPurpose.REFERENCE, Samples.NOW));
    }

    @Test
    void aUseInsideATransactionFailsTheTransactionWhenTheLinkWasUsed() {
        String tokenId = Samples.unique("token");
        aws.dynamo()
                .transactWriteItems(r -> r.transactItems(used.markUsedWith(tokenId, Samples.NOW)));
        assertThrows(
                TransactionCanceledException.class,
                () ->
                        aws.dynamo()
                                .transactWriteItems(
                                        r ->
                                                r.transactItems(
                                                        used.markUsedWith(tokenId, Samples.NOW))));
        assertTrue(
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("UsedLinksTable"))
                                                .key(java.util.Map.of("tokenId", Items.s(tokenId))))
                        .item()
                        .containsKey("expiresAtEpoch"));
    }
}
