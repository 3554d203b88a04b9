package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.draft.ApplicationDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoDraftStoreTest {
    private final AwsEnvironment aws;
    private final DynamoDraftStore drafts;

    DynamoDraftStoreTest(AwsEnvironment aws) {
        this.aws = aws;
        this.drafts = new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable"));
    }

    @Test
    void aSavedDraftIsFoundAsItWasSaved() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        assertEquals(Optional.of(draft), drafts.find(draft.id()));
    }

    @Test
    void savingTheNextSectionReplacesTheDraft() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        ApplicationDraft next = draft.withSection("support", Map.of("adjustments", "Large print"));
        drafts.save(next);
        assertEquals(Optional.of(next), drafts.find(draft.id()));
    }

    @Test
    void theDraftExpiresThroughTimeToLiveAtItsExpiryTime() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        var item =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("DraftsTable"))
                                                .key(Items.key("draftId", draft.id())))
                        .item();
        assertEquals(
                String.valueOf(draft.expiresAt().getEpochSecond()), item.get("expiresAtEpoch").n());
    }

    @Test
    void aDeletedDraftIsGone() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        drafts.delete(draft.id());
        assertEquals(Optional.empty(), drafts.find(draft.id()));
    }

    @Test
    void anUnknownDraftIsNotFound() {
        assertEquals(Optional.empty(), drafts.find("no-such-draft"));
    }

    @Test
    void aDraftIsFoundByItsReturnReference() {
        ApplicationDraft draft =
                Samples.draft("role-a")
                        .withReturnReference(org.involve.core.draft.ReturnCodes.newReference());
        drafts.save(draft);
        drafts.save(Samples.draft("role-a"));
        assertEquals(Optional.of(draft), drafts.find(draft.id()));
        assertEquals(Optional.of(draft), drafts.findByReturnReference(draft.returnReference()));
        assertEquals(Optional.empty(), drafts.findByReturnReference("BBBB-CCCC"));
    }
}
