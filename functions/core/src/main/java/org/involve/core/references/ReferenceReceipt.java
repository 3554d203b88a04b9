package org.involve.core.references;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;

/**
 * Storing a reference as it arrives, through the referee's link or taken by staff on the telephone. The last of an
 * application's references also moves the application to REFERENCES_RECEIVED and tells the team, in that transaction:
 * if two arrive at once, one of the two transactions fails its check on the other's request, reads again, and is then
 * the one that completes.
 */
final class ReferenceReceipt {
    private static final int ATTEMPTS = 5;
    private final RoundApplications round;
    private final ReferenceBook book;
    private final ReferenceLetters letters;

    ReferenceReceipt(RoundApplications round, ReferenceBook book, ReferenceLetters letters) {
        this.round = round;
        this.book = book;
        this.letters = letters;
    }

    /** @param messageIds the team's e-mail when this reference completed the application, else empty */
    record Stored(ReferenceBook.Answered answered, List<String> messageIds) {}

    /**
     * Stores {@code received}, spending the link {@code tokenId} (null for a reference taken by telephone), with
     * {@code audit}; {@code who} is named in the audit entry of the application's step when this one completes it.
     */
    Stored store(
            Role role,
            ReferenceRequest received,
            String tokenId,
            AuditEntry audit,
            String who,
            Instant now) {
        String record = "application:" + received.applicationReference();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Application app =
                    round.find(received.roleId(), received.applicantKey(), Read.CONSISTENT)
                            .orElseThrow();
            List<ReferenceRequest> others = others(app, received.id());
            ReferenceBook.Completion completion = null;
            if (app.status() == Status.REFERENCES_REQUESTED
                    && others.stream().allMatch(ReferenceRequest::received)) {
                OutboxMessage team =
                        new OutboxMessage(
                                "references-received-" + app.reference(),
                                letters.readyToAppoint(role, app),
                                now,
                                now,
                                0,
                                "references-received");
                completion =
                        new ReferenceBook.Completion(
                                app,
                                ReferenceFacts.allReceived(now),
                                new AuditEntry(
                                        who,
                                        "completed the references",
                                        record,
                                        now,
                                        Status.REFERENCES_REQUESTED.name(),
                                        Status.REFERENCES_RECEIVED.name()),
                                team);
            }
            ReferenceBook.Answered answered =
                    book.answer(received, tokenId, now, audit, others, completion);
            if (answered != ReferenceBook.Answered.OTHERS_CHANGED)
                return new Stored(
                        answered,
                        answered == ReferenceBook.Answered.STORED && completion != null
                                ? List.of(completion.teamMessage().id())
                                : List.of());
            // another referee answered this moment: read again
        }
        throw new IllegalStateException(
                "The application's references kept changing while this one was stored");
    }

    private List<ReferenceRequest> others(Application app, String ownId) {
        List<ReferenceRequest> others = new ArrayList<>();
        for (String id : ReferenceFacts.of(app).requestIds()) {
            if (!id.equals(ownId)) book.find(id).ifPresent(others::add);
        }
        return others;
    }
}
