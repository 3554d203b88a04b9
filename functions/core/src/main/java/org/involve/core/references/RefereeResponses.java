package org.involve.core.references;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * A referee following their link. Opening the form only checks the link; sending it spends the link in the same
 * transaction that stores the reference ({@link ReferenceReceipt}, which also completes the application when it is the
 * last). A link to a request the application no longer names (staff replaced the referee) is refused.
 */
public final class RefereeResponses {
    private final RoleReader roles;
    private final RoundApplications round;
    private final ReferenceBook book;
    private final SignedLink links;
    private final Clock clock;
    private final ReferenceReceipt receipt;

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
        this.receipt = new ReferenceReceipt(round, book, new ReferenceLetters(settings));
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
        ReferenceReceipt.Stored stored =
                receipt.store(req.role(), received, valid.tokenId(), audit, who, now);
        return switch (stored.answered()) {
            case STORED -> new Sent.Thanks(req, stored.messageIds());
            default -> new Sent.Refused(LinkRefusal.ALREADY_USED, req.role());
        };
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
