package org.involve.core.references;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * A referee following their link. Opening the form only checks the link; sending it spends the link in the same
 * transaction that stores the reference. The last referee of an application to answer also moves the application to
 * REFERENCES_RECEIVED and tells the team, in that transaction: if two answer at once, one of the two transactions
 * fails its check on the other's request, reads again, and is then the one that completes.
 */
public final class RefereeResponses {
    private static final int ATTEMPTS = 5;
    private final RoleReader roles;
    private final RoundApplications round;
    private final ReferenceBook book;
    private final SignedLink links;
    private final Clock clock;
    private final ReferenceLetters letters;

    public RefereeResponses(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            Clock clock,
            ReferenceSettings settings) {
        this.roles = roles;
        this.round = round;
        this.book = book;
        this.links = links;
        this.clock = clock;
        this.letters = new ReferenceLetters(settings);
    }

    /**
     * What the referee is asked about: the role, and the applicant's name as they gave it.
     *
     * @param replaced staff replaced this referee: the application no longer names this request
     */
    public record Request(
            Role role, String applicantName, ReferenceRequest request, boolean replaced) {}

    public sealed interface Opened {
        record Form(Request request) implements Opened {}

        /** @param role the role the link was about, when that can be known (to name its contact), else null */
        record Refused(LinkRefusal reason, Role role) implements Opened {}
    }

    public sealed interface Sent {
        record Invalid(Request request, Map<String, String> values, FieldErrors errors)
                implements Sent {}

        record Thanks(Request request, List<String> messageIds) implements Sent {}

        record Refused(LinkRefusal reason, Role role) implements Sent {}
    }

    public Opened open(String token) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.REFERENCE, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Opened.Refused(((LinkCheck.Refused) check).reason(), null);
        Optional<Request> found = request(valid.subjectId());
        if (found.isEmpty()) return new Opened.Refused(LinkRefusal.TAMPERED, null);
        if (found.get().replaced())
            return new Opened.Refused(LinkRefusal.REPLACED, found.get().role());
        if (found.get().request().received())
            return new Opened.Refused(LinkRefusal.ALREADY_USED, found.get().role());
        return new Opened.Form(found.get());
    }

    public Sent send(String token, Map<String, String> posted) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.REFERENCE, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Sent.Refused(((LinkCheck.Refused) check).reason(), null);
        Optional<Request> found = request(valid.subjectId());
        if (found.isEmpty()) return new Sent.Refused(LinkRefusal.TAMPERED, null);
        Request req = found.get();
        if (req.replaced()) return new Sent.Refused(LinkRefusal.REPLACED, req.role());
        if (req.request().received()) return new Sent.Refused(LinkRefusal.ALREADY_USED, req.role());
        FormValidator.Result form = ReferenceForm.validate(req.role().title(), posted);
        if (!form.errors().isEmpty()) return new Sent.Invalid(req, form.values(), form.errors());

        Map<String, String> written = new java.util.LinkedHashMap<>(form.values());
        written.values().removeIf(String::isEmpty);
        ReferenceRequest received = req.request().receivedWith(written, now);
        String record = "application:" + received.applicationReference();
        String who = "referee:" + received.id();
        AuditEntry audit =
                new AuditEntry(
                        who,
                        "gave reference " + received.number(),
                        record,
                        now,
                        ReferenceRequest.State.REQUESTED.name(),
                        ReferenceRequest.State.RECEIVED.name());
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
                                letters.readyToAppoint(req.role(), app),
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
            switch (book.answer(received, valid.tokenId(), now, audit, others, completion)) {
                case STORED -> {
                    return new Sent.Thanks(
                            req,
                            completion == null
                                    ? List.of()
                                    : List.of(completion.teamMessage().id()));
                }
                case LINK_ALREADY_USED, ALREADY_ANSWERED -> {
                    return new Sent.Refused(LinkRefusal.ALREADY_USED, req.role());
                }
                case OTHERS_CHANGED -> {
                    /* another referee answered this moment: read again */
                }
            }
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

    private Optional<Request> request(String requestId) {
        return book.find(requestId)
                .flatMap(
                        r ->
                                roles.find(r.roleId(), Read.EVENTUAL)
                                        .flatMap(
                                                role ->
                                                        round.find(
                                                                        r.roleId(),
                                                                        r.applicantKey(),
                                                                        Read.CONSISTENT)
                                                                .map(
                                                                        app ->
                                                                                new Request(
                                                                                        role,
                                                                                        app.answer(
                                                                                                ApplicationForm
                                                                                                        .FULL_NAME),
                                                                                        r,
                                                                                        !ReferenceFacts
                                                                                                .of(
                                                                                                        app)
                                                                                                .requestIds()
                                                                                                .contains(
                                                                                                        r
                                                                                                                .id())))));
    }
}
