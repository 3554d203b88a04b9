package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.audit.AuditEntry;
import org.involve.core.dataprotection.Held;
import org.involve.core.dataprotection.Held.Kind;
import org.involve.core.dataprotection.PersonalData;
import org.involve.core.dataprotection.Subject;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.References;
import org.involve.core.kit.Retention;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.UndeliverableAddress;
import org.involve.core.partners.Involvement;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Receipts;
import org.involve.core.shortlisting.AnonymousIds;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One person's records in every table, for subject access and erasure. Everything is found through keys and
 * indexes from what identifies them: their applicant key (a hash of their e-mail address, or telephone, or name
 * and postcode), which keys their applications (ApplicationsTable ByApplicant), reference requests
 * (ReferencesTable ByApplicant) and partner records (PartnersTable ByPerson, and ByEmail by the same hash); from
 * each application its draft (DraftsTable BySubmittedReference), monitoring answers (through the monitoring store),
 * anonymised papers, scores and conflicts (the ShortlistingTable under the role, by the application's anonymous id)
 * and booked interview slot (InterviewSlotsTable under the role); from each partner record its attendance and flags
 * (MeetingsTable); and their e-mails by a hash of the address (OutboxTable ByRecipient). Nothing is scanned.
 * <p>
 * Erasure deletes each item found (a booked slot loses its booking but stays, free, on the schedule), each delete on
 * its own so that an erasure cut short is finished by running it again, and then stores the audit entry and the
 * e-mail telling the person in one transaction. The audit trail is read, never changed: its entries hold ids and
 * states only. Used links hold only a token id and are not about anyone; drafts never sent expire within days.
 */
public final class DynamoPersonalData implements PersonalData {
    /** The tables it reads and deletes from, by their names in this deployment. */
    public record Tables(
            String applications,
            String drafts,
            String references,
            String shortlisting,
            String interviewSlots,
            String partners,
            String meetings,
            String outbox,
            String undeliverable,
            String claims,
            String payments) {}

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final MonitoringAnswers monitoring;
    private final AnonymousIds anonymousIds;
    private final Retention retention;
    private final java.util.function.Supplier<Receipts> receipts;

    /**
     * @param retention how long payment records are kept: erasure marks each with the day it may go
     * @param receipts  the receipts store (built when first needed): a claim erased takes its receipt files with it (an approved claim's stay,
     *                  as tax evidence, until the retention job deletes them with the claim)
     */
    public DynamoPersonalData(
            DynamoDbClient dynamo,
            Tables tables,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            MonitoringAnswers monitoring,
            AnonymousIds anonymousIds,
            Retention retention,
            java.util.function.Supplier<Receipts> receipts) {
        this.receipts = receipts;
        this.dynamo = dynamo;
        this.tables = tables;
        this.outbox = outbox;
        this.audit = audit;
        this.monitoring = monitoring;
        this.anonymousIds = anonymousIds;
        this.retention = retention;
    }

    @Override
    public Optional<Subject> byEmail(String email) {
        String key = emailKey(email);
        Optional<Subject> found = subject(Set.of(key), Set.of(email.strip()));
        List<Map<String, AttributeValue>> asReferee = refereeRequests(key);
        if (asReferee.isEmpty()) return found;
        if (found.isPresent()) {
            Subject s = found.get();
            return Optional.of(
                    new Subject(
                            s.name(),
                            s.applicantKeys(),
                            s.references(),
                            s.emailAddresses(),
                            Set.of(key)));
        }
        String name = "";
        for (var request : asReferee) {
            var app = refereedApplication(request);
            if (app.isEmpty()) continue;
            name =
                    DynamoApplicationStore.application(app.get())
                            .answers()
                            .getOrDefault(
                                    ApplicationForm.refereeField(
                                            Integer.parseInt(request.get("number").n()),
                                            ApplicationForm.REFEREE_NAME),
                                    "");
            if (!name.isBlank()) break;
        }
        return Optional.of(
                new Subject(name, Set.of(), Set.of(), Set.of(email.strip()), Set.of(key)));
    }

    /** The reference requests that name this key as their referee's, by the sparse ByReferee index. */
    private List<Map<String, AttributeValue>> refereeRequests(String refereeKey) {
        return new ArrayList<>(
                wholeByIndex(
                                tables.references(),
                                DynamoReferenceBook.BY_REFEREE,
                                DynamoReferenceBook.REFEREE_KEY,
                                refereeKey,
                                "requestId")
                        .values());
    }

    /** The application a reference request is for, by its key (a query on the table's own key: no GetItem grant). */
    private Optional<Map<String, AttributeValue>> refereedApplication(
            Map<String, AttributeValue> request) {
        return query(
                        QueryRequest.builder()
                                .tableName(tables.applications())
                                .keyConditionExpression("roleId = :r AND applicantKey = :a")
                                .expressionAttributeValues(
                                        Map.of(
                                                ":r", request.get("roleId"),
                                                ":a", request.get("applicantKey")))
                                .consistentRead(true)
                                .build())
                .stream()
                .findFirst();
    }

    /**
     * What a reference request shows its referee: which role and application, which referee, when, and what they
     * wrote; not the applicant's key nor the reminder bookkeeping.
     */
    private static Map<String, AttributeValue> asGiven(Map<String, AttributeValue> request) {
        Map<String, AttributeValue> shown = new LinkedHashMap<>(request);
        shown.keySet()
                .removeAll(
                        Set.of(
                                "applicantKey",
                                DynamoReferenceBook.REFEREE_KEY,
                                "reminderDue",
                                "remindAt"));
        return shown;
    }

    /** The referee's own details in the application, and nothing else of it. */
    private static Map<String, AttributeValue> refereeDetails(
            Map<String, AttributeValue> appItem, int number) {
        Application a = DynamoApplicationStore.application(appItem);
        Map<String, AttributeValue> shown = new LinkedHashMap<>();
        shown.put("roleId", s(a.roleId()));
        shown.put("applicationReference", s(a.reference()));
        shown.put("referee", s(String.valueOf(number)));
        for (String part : REFEREE_PARTS) {
            String value = a.answers().get(ApplicationForm.refereeField(number, part));
            if (value != null) shown.put(ApplicationForm.refereeField(number, part), s(value));
        }
        return shown;
    }

    private static final List<String> REFEREE_PARTS =
            List.of(
                    ApplicationForm.REFEREE_NAME,
                    ApplicationForm.REFEREE_RELATIONSHIP,
                    ApplicationForm.REFEREE_KNOWN_FOR,
                    ApplicationForm.REFEREE_EMAIL,
                    ApplicationForm.REFEREE_PHONE);

    @Override
    public Optional<Subject> byReference(String reference) {
        return byIndex(
                        tables.applications(),
                        DynamoApplicationStore.BY_REFERENCE,
                        "reference",
                        reference)
                .stream()
                .findFirst()
                .flatMap(item -> subject(Set.of(item.get("applicantKey").s()), Set.of()));
    }

    /** Everything that the keys lead to, gathered into one subject (an address also finds partner records). */
    private Optional<Subject> subject(Set<String> keys, Set<String> given) {
        Set<String> applicantKeys = new LinkedHashSet<>(keys);
        Set<String> references = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        String name = "";
        boolean found = false;
        for (String key : keys) {
            for (var item : applications(key)) {
                found = true;
                Application a = DynamoApplicationStore.application(item);
                references.add(a.reference());
                String address = a.answers().getOrDefault(ApplicationForm.EMAIL, "");
                if (!address.isBlank()) addresses.add(address.strip());
                if (name.isEmpty()) name = a.answers().getOrDefault(ApplicationForm.FULL_NAME, "");
            }
            for (var item : partners(key)) {
                found = true;
                applicantKeys.add(item.get("personKey").s());
                Involvement i = involvement(item);
                if (i != null && !i.email().isBlank()) addresses.add(i.email().strip());
                if (name.isEmpty() && i != null) name = i.name();
            }
        }
        if (!found) return Optional.empty();
        if (addresses.isEmpty()) addresses.addAll(given);
        return Optional.of(new Subject(name, applicantKeys, references, addresses));
    }

    @Override
    public Held heldAbout(Subject subject) {
        Map<Kind, List<Held.Entry>> held = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) held.put(kind, new ArrayList<>());
        List<Found> found = found(subject);
        for (Found f : found) held.get(f.kind()).add(new Held.Entry(fields(f.item())));
        for (String reference : subject.references())
            trail("application:" + reference, held.get(Kind.AUDIT));
        for (Found f : found)
            if (f.kind() == Kind.PARTNER_RECORDS)
                trail("appointment:" + f.item().get("appointmentId").s(), held.get(Kind.AUDIT));
        List<Held.Records> kinds = new ArrayList<>();
        held.forEach((kind, entries) -> kinds.add(new Held.Records(kind, entries)));
        return new Held(kinds);
    }

    @Override
    public void erase(
            Subject subject, AuditEntry entry, List<OutboxMessage> messages, String refereeNote) {
        List<Found> found = found(subject);
        // Monitoring answers first: they are found through the application, which goes below.
        for (Found f : found)
            if (f.kind() == Kind.APPLICATIONS)
                monitoring.forget(f.item().get("roleId").s(), f.item().get("reference").s());
        for (Found f : found) {
            if (f.kind() == Kind.MONITORING_ANSWERS) continue;
            if (f.kind().keptRestricted()) restrict(f, entry.when());
            else if (f.kind() == Kind.REFERENCES_GIVEN)
                dynamo.updateItem(
                        r ->
                                r.tableName(f.table())
                                        .key(f.key())
                                        .updateExpression("REMOVE answers, #rk")
                                        .conditionExpression("attribute_exists(requestId)")
                                        .expressionAttributeNames(
                                                Map.of("#rk", DynamoReferenceBook.REFEREE_KEY)));
            else if (f.kind() == Kind.REFEREE_DETAILS) removeRefereeDetails(f, refereeNote);
            else if (f.kind() == Kind.INTERVIEW_SLOTS)
                dynamo.updateItem(
                        r ->
                                r.tableName(f.table())
                                        .key(f.key())
                                        .updateExpression(
                                                "REMOVE bookedBy, applicantKey, bookedAt, reminderDue")
                                        .conditionExpression("attribute_exists(slotId)"));
            else {
                // The receipts go first: if the erasure is cut short, running it again finds the
                // claim again.
                if (f.kind() == Kind.CLAIMS) receipts.get().deleteAll(f.key().get("claimId").s());
                if (f.kind() == Kind.APPLICATIONS) deleteApplication(f);
                else dynamo.deleteItem(r -> r.tableName(f.table()).key(f.key()));
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(audit.putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        outbox.commit(writes, null);
    }

    /**
     * Deletes the application and takes it from its role's count in one transaction, if it is still there (erasing
     * again after an erasure cut short finds it gone, and the count is not taken from twice).
     */
    private void deleteApplication(Found f) {
        try {
            Transactions.write(dynamo, DynamoApplicationCounts.deleted(f.table(), f.key()), null);
        } catch (TransactionCanceledException e) {
            if (!Items.firstConditionFailed(e)) throw e;
        }
    }

    /**
     * Replaces a referee's details in the application they were named in, and in the draft it was sent from, by
     * {@code note} (in the name) and nothing (e-mail, phone, how they know the applicant): the rest stays as sent.
     * Each item is read and rewritten on condition it is unchanged, so a step taken meanwhile is kept; a referee whose
     * details are already gone is left as it is.
     */
    private void removeRefereeDetails(Found f, String note) {
        int number = Integer.parseInt(f.item().get("referee").s());
        for (int attempt = 0; attempt < 5; attempt++) {
            var app =
                    query(
                                    QueryRequest.builder()
                                            .tableName(tables.applications())
                                            .keyConditionExpression(
                                                    "roleId = :r AND applicantKey = :a")
                                            .expressionAttributeValues(
                                                    Map.of(
                                                            ":r", f.key().get("roleId"),
                                                            ":a", f.key().get("applicantKey")))
                                            .consistentRead(true)
                                            .build())
                            .stream()
                            .findFirst();
            if (app.isEmpty()) return;
            String data = app.get().get("data").s();
            String rewritten = withoutReferee(data, number, note);
            if (rewritten.equals(data)) break;
            try {
                dynamo.updateItem(
                        r ->
                                r.tableName(f.table())
                                        .key(f.key())
                                        .updateExpression("SET #data = :new")
                                        .conditionExpression("#data = :old")
                                        .expressionAttributeNames(Map.of("#data", "data"))
                                        .expressionAttributeValues(
                                                Map.of(":new", s(rewritten), ":old", s(data))));
                break;
            } catch (
                    software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException
                            changed) {
                // read again and rewrite what is there now
            }
        }
        String reference = f.item().get("applicationReference").s();
        submittedDrafts(reference)
                .forEach(
                        (key, draft) -> {
                            String data = draft.get("data").s();
                            String rewritten = withoutReferee(data, number, note);
                            if (rewritten.equals(data)) return;
                            dynamo.updateItem(
                                    r ->
                                            r.tableName(tables.drafts())
                                                    .key(key)
                                                    .updateExpression("SET #data = :new")
                                                    .conditionExpression(
                                                            "attribute_exists(draftId)")
                                                    .expressionAttributeNames(
                                                            Map.of("#data", "data"))
                                                    .expressionAttributeValues(
                                                            Map.of(":new", s(rewritten))));
                        });
    }

    /** The stored JSON (an application or a draft) with referee {@code number}'s details replaced by the note. */
    static String withoutReferee(String json, int number, String note) {
        try {
            var tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(json);
            if (!(tree.get("answers")
                    instanceof com.fasterxml.jackson.databind.node.ObjectNode answers)) return json;
            String name = ApplicationForm.refereeField(number, ApplicationForm.REFEREE_NAME);
            boolean any = false;
            for (String part : REFEREE_PARTS) {
                String field = ApplicationForm.refereeField(number, part);
                if (field.equals(name)) continue;
                any |= answers.remove(field) != null;
            }
            if (!any && note.equals(answers.path(name).asText(null))) return json;
            answers.put(name, note);
            return Json.mapper().writeValueAsString(tree);
        } catch (java.io.IOException notJson) {
            throw new java.io.UncheckedIOException(notJson);
        }
    }

    /** One item found, with the table and key it is deleted by. */
    private record Found(
            Kind kind,
            String table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item) {}

    private List<Found> found(Subject subject) {
        List<Found> found = new ArrayList<>();
        for (String applicantKey : subject.applicantKeys()) {
            for (var app : applications(applicantKey)) {
                String roleId = app.get("roleId").s(), reference = app.get("reference").s();
                found.add(
                        new Found(
                                Kind.APPLICATIONS,
                                tables.applications(),
                                DynamoApplicationStore.key(roleId, applicantKey),
                                app));
                drafts(reference, found);
                monitoring
                        .answersFor(roleId, reference)
                        .ifPresent(
                                answers -> {
                                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                                    item.put("roleId", s(roleId));
                                    answers.forEach((q, a) -> item.put("answers." + q, s(a)));
                                    found.add(
                                            new Found(
                                                    Kind.MONITORING_ANSWERS, null, Map.of(), item));
                                });
                shortlisting(roleId, anonymousIds.of(roleId, reference), found);
                slots(roleId, reference, found);
            }
            references(applicantKey, found);
            for (var partner : partners(applicantKey)) {
                String appointmentId = partner.get("appointmentId").s();
                if (found.stream()
                        .anyMatch(
                                f ->
                                        f.kind() == Kind.PARTNER_RECORDS
                                                && f.item()
                                                        .get("appointmentId")
                                                        .s()
                                                        .equals(appointmentId))) continue;
                found.add(
                        new Found(
                                Kind.PARTNER_RECORDS,
                                tables.partners(),
                                Map.of("appointmentId", s(appointmentId)),
                                partner));
                attendance(partner.get("roleId").s(), appointmentId, found);
                ownItems(appointmentId, found);
                claims(appointmentId, found);
                payments(appointmentId, found);
            }
        }
        for (String refereeKey : subject.refereeKeys())
            for (var request : refereeRequests(refereeKey)) {
                found.add(
                        new Found(
                                Kind.REFERENCES_GIVEN,
                                tables.references(),
                                Map.of("requestId", request.get("requestId")),
                                asGiven(request)));
                int number = Integer.parseInt(request.get("number").n());
                refereedApplication(request)
                        .ifPresent(
                                app ->
                                        found.add(
                                                new Found(
                                                        Kind.REFEREE_DETAILS,
                                                        tables.applications(),
                                                        DynamoApplicationStore.key(
                                                                app.get("roleId").s(),
                                                                app.get("applicantKey").s()),
                                                        refereeDetails(app, number))));
            }
        for (String address : subject.emailAddresses()) {
            emails(address, found);
            undeliverable(address, found);
        }
        return found;
    }

    private List<Map<String, AttributeValue>> applications(String applicantKey) {
        return byIndex(tables.applications(), "ByApplicant", "applicantKey", applicantKey);
    }

    /** Partner records by the person's key, and by the address whose hash is that key. */
    private List<Map<String, AttributeValue>> partners(String key) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String[] index : new String[][] {{"ByPerson", "personKey"}, {"ByEmail", "emailKey"}})
            for (var item : byIndex(tables.partners(), index[0], index[1], key))
                if (items.stream()
                        .noneMatch(i -> i.get("appointmentId").equals(item.get("appointmentId"))))
                    items.add(item);
        return items;
    }

    /** The drafts an application was sent from, by its reference. */
    private Map<Map<String, AttributeValue>, Map<String, AttributeValue>> submittedDrafts(
            String reference) {
        return wholeByIndex(
                tables.drafts(),
                "BySubmittedReference",
                "submittedReference",
                reference,
                "draftId");
    }

    private void drafts(String reference, List<Found> found) {
        submittedDrafts(reference)
                .forEach(
                        (key, item) ->
                                found.add(new Found(Kind.DRAFTS, tables.drafts(), key, item)));
    }

    private void references(String applicantKey, List<Found> found) {
        wholeByIndex(tables.references(), "ByApplicant", "applicantKey", applicantKey, "requestId")
                .forEach(
                        (key, item) ->
                                found.add(
                                        new Found(
                                                Kind.REFERENCES, tables.references(), key, item)));
    }

    /** The application's paper, scores and declared conflicts: every item under the role keyed by its anonymous id. */
    private void shortlisting(String roleId, String anonymousId, List<Found> found) {
        for (String prefix : List.of("paper#", "score#", "conflict#"))
            for (var item :
                    query(
                            QueryRequest.builder()
                                    .tableName(tables.shortlisting())
                                    .keyConditionExpression(
                                            "roleId = :r AND begins_with(itemKey, :p)")
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":r",
                                                    s(roleId),
                                                    ":p",
                                                    s(
                                                            prefix
                                                                    + anonymousId
                                                                    + (prefix.equals("paper#")
                                                                            ? ""
                                                                            : "#"))))
                                    .build()))
                found.add(
                        new Found(
                                Kind.SHORTLISTING,
                                tables.shortlisting(),
                                Map.of(
                                        "roleId",
                                        item.get("roleId"),
                                        "itemKey",
                                        item.get("itemKey")),
                                item));
    }

    private void slots(String roleId, String reference, List<Found> found) {
        for (var item :
                query(
                        QueryRequest.builder()
                                .tableName(tables.interviewSlots())
                                .keyConditionExpression("roleId = :r")
                                .filterExpression("bookedBy = :ref")
                                .expressionAttributeValues(
                                        Map.of(":r", s(roleId), ":ref", s(reference)))
                                .build()))
            found.add(
                    new Found(
                            Kind.INTERVIEW_SLOTS,
                            tables.interviewSlots(),
                            Map.of("roleId", item.get("roleId"), "slotId", item.get("slotId")),
                            item));
    }

    /** Attendance marks at the role's meetings, and the partner's attendance flags. */
    private void attendance(String roleId, String appointmentId, List<Found> found) {
        for (var meeting :
                query(
                        QueryRequest.builder()
                                .tableName(tables.meetings())
                                .indexName("ByRole")
                                .keyConditionExpression("roleId = :r AND begins_with(roleSort, :m)")
                                .expressionAttributeValues(
                                        Map.of(":r", s(roleId), ":m", s("meeting#")))
                                .build())) {
            var key =
                    Map.of(
                            "pk", meeting.get("pk"),
                            "sk", s("attendance#" + appointmentId));
            get(tables.meetings(), key)
                    .ifPresent(
                            item ->
                                    found.add(
                                            new Found(
                                                    Kind.ATTENDANCE,
                                                    tables.meetings(),
                                                    key,
                                                    item)));
        }
        for (var item :
                query(
                        QueryRequest.builder()
                                .tableName(tables.meetings())
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("flag#" + appointmentId)))
                                .build()))
            found.add(
                    new Found(
                            Kind.ATTENDANCE,
                            tables.meetings(),
                            Map.of("pk", item.get("pk"), "sk", item.get("sk")),
                            item));
    }

    /**
     * The partner's own items beside their record in the PartnersTable (check-ins and tenure reviews, free text about
     * them), found by the sparse ByPartner index.
     */
    private void ownItems(String appointmentId, List<Found> found) {
        for (var item :
                byIndex(
                        tables.partners(),
                        PartnerOwnItems.BY_PARTNER,
                        PartnerOwnItems.PARTNER_OF,
                        appointmentId)) {
            String id = item.get("appointmentId").s();
            found.add(
                    new Found(
                            id.startsWith("checkin#") ? Kind.CHECK_INS : Kind.TENURE_REVIEWS,
                            tables.partners(),
                            Map.of("appointmentId", s(id)),
                            item));
        }
    }

    /**
     * The partner's claims, by the ClaimsTable's ByAppointment index: those approved are kept (restricted) for tax
     * law, the others (being written, waiting, turned down) are erased.
     */
    private void claims(String appointmentId, List<Found> found) {
        for (var item : byIndex(tables.claims(), "ByAppointment", "appointmentId", appointmentId)) {
            Claim claim = Json.read(item.get("data").s(), Claim.class);
            found.add(
                    new Found(
                            claim.status() == ClaimStatus.APPROVED
                                    ? Kind.APPROVED_CLAIMS
                                    : Kind.CLAIMS,
                            tables.claims(),
                            Map.of("claimId", item.get("claimId")),
                            item));
        }
    }

    /** The partner's payment records, by the PaymentsTable's ByAppointment index: kept (restricted) for tax law. */
    private void payments(String appointmentId, List<Found> found) {
        for (var item : byIndex(tables.payments(), "ByAppointment", "appointmentId", appointmentId))
            found.add(
                    new Found(
                            Kind.PAYMENTS,
                            tables.payments(),
                            Map.of("claimId", item.get("claimId")),
                            item));
    }

    /**
     * Keeps a record tax law needs, restricted: what could name the person or was written by them goes (a claim's
     * expense reasons and any reason it was turned down; a payment record holds only ids, amounts and dates), the
     * amounts, dates and ids stay, and it is marked restricted with the reason, the day and the first day it may go
     * (the payments period after the end of the tax year it was paid in; the day the claim was decided while its
     * payment is not yet recorded). The claim's receipts, in the receipts bucket, are evidence for tax law too and
     * stay.
     */
    private void restrict(Found f, Instant now) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":because", s(RESTRICTED_BECAUSE));
        values.put(":on", s(Retention.startDay(now).toString()));
        String set = "SET " + RESTRICTED + " = :because, restrictedOn = :on, mayGoOn = :go";
        if (f.kind() == Kind.APPROVED_CLAIMS) {
            Claim c = Json.read(f.item().get("data").s(), Claim.class);
            Claim kept =
                    new Claim(
                            c.id(),
                            c.appointmentId(),
                            c.roleId(),
                            c.status(),
                            c.involvement(),
                            c.expenses().stream()
                                    .map(
                                            e ->
                                                    new Claim.ClaimExpense(
                                                            e.kind(),
                                                            e.date(),
                                                            e.pence(),
                                                            null,
                                                            e.receiptKey()))
                                    .toList(),
                            c.journeys(),
                            c.onBehalfOf(),
                            c.createdAt(),
                            c.submittedAt(),
                            c.decidedBy(),
                            c.decidedAt(),
                            null,
                            c.version());
            values.put(":data", s(Json.write(kept)));
            set += ", #data = :data";
            Instant paid = c.decidedAt() == null ? now : c.decidedAt();
            values.put(":go", s(retention.paymentMayGoOn(Retention.startDay(paid)).toString()));
        } else {
            PaymentRecord p = Json.read(f.item().get("data").s(), PaymentRecord.class);
            values.put(
                    ":go",
                    s(retention.paymentMayGoOn(Retention.startDay(p.calculatedAt())).toString()));
        }
        String update = set;
        dynamo.updateItem(
                r -> {
                    r.tableName(f.table())
                            .key(f.key())
                            .updateExpression(update)
                            .conditionExpression("attribute_exists(claimId)")
                            .expressionAttributeValues(values);
                    if (update.contains("#data"))
                        r.expressionAttributeNames(Map.of("#data", "data"));
                });
    }

    /**
     * A record kept after an erasure carries {@code restricted} = {@value #RESTRICTED_BECAUSE} (kept only because tax
     * law needs it: used for nothing else), {@code restrictedOn} (the day of the erasure) and {@code mayGoOn}.
     */
    static final String RESTRICTED = "restricted", RESTRICTED_BECAUSE = "TAX_LAW";

    /**
     * The UndeliverableAddressesTable's entry for an address our e-mails bounced from: keyed by a one-way key of the
     * address, found (as DynamoUndeliverableAddresses finds it) by working that key out.
     */
    private void undeliverable(String address, List<Found> found) {
        var key =
                Map.of(
                        DynamoUndeliverableAddresses.ADDRESS_KEY,
                        s(UndeliverableAddress.keyOf(address)));
        if (found.stream().anyMatch(f -> f.kind() == Kind.UNDELIVERABLE && f.key().equals(key)))
            return;
        get(tables.undeliverable(), key)
                .ifPresent(
                        item ->
                                found.add(
                                        new Found(
                                                Kind.UNDELIVERABLE,
                                                tables.undeliverable(),
                                                key,
                                                item)));
    }

    private void emails(String address, List<Found> found) {
        for (var keys :
                byIndex(
                        tables.outbox(),
                        DynamoOutbox.BY_RECIPIENT,
                        DynamoOutbox.TO_KEY,
                        DynamoOutbox.recipientKey(address))) {
            var key = Map.of("messageId", keys.get("messageId"));
            if (found.stream().anyMatch(f -> f.kind() == Kind.EMAILS && f.key().equals(key)))
                continue;
            get(tables.outbox(), key)
                    .ifPresent(
                            item -> found.add(new Found(Kind.EMAILS, tables.outbox(), key, item)));
        }
    }

    private void trail(String record, List<Held.Entry> into) {
        for (AuditEntry e : audit.trailOf(record)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("record", e.record());
            fields.put("what", e.what());
            fields.put("when", e.when().toString());
            fields.put("who", e.who());
            if (e.fromState() != null) fields.put("from", e.fromState());
            fields.put("to", e.toState());
            into.add(new Held.Entry(fields));
        }
    }

    /** The items of {@code index} in {@code table} whose key {@code attribute} is {@code value}, every page of them. */
    private List<Map<String, AttributeValue>> byIndex(
            String table, String index, String attribute, String value) {
        return query(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(index)
                        .keyConditionExpression("#key = :value")
                        .expressionAttributeNames(Map.of("#key", attribute))
                        .expressionAttributeValues(Map.of(":value", s(value)))
                        .build());
    }

    /**
     * The items a keys-only index leads to, each read whole (consistently) from {@code table} by its key attribute
     * {@code keyName}, in the index's order; an item gone since the index was written is left out.
     */
    private Map<Map<String, AttributeValue>, Map<String, AttributeValue>> wholeByIndex(
            String table, String index, String attribute, String value, String keyName) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (var keys : byIndex(table, index, attribute, value)) {
            var key = Map.of(keyName, keys.get(keyName));
            get(table, key).ifPresent(item -> items.put(key, item));
        }
        return items;
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        return dynamo.queryPaginator(request).items().stream().toList();
    }

    private Optional<Map<String, AttributeValue>> get(
            String table, Map<String, AttributeValue> key) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Involvement involvement(Map<String, AttributeValue> item) {
        AttributeValue i = item.get("involvement");
        return i == null ? null : Json.read(i.s(), Involvement.class);
    }

    static String emailKey(String email) {
        return References.sha256("email:" + AnswerRules.normaliseEmail(email));
    }

    /** An item as the fields a person reads: nested maps and JSON as "outer.inner", sorted by name. */
    static Map<String, String> fields(Map<String, AttributeValue> item) {
        Map<String, String> fields = new TreeMap<>();
        item.forEach((name, value) -> flatten(name, value, fields));
        return fields;
    }

    private static void flatten(String name, AttributeValue v, Map<String, String> into) {
        if (v.hasM()) v.m().forEach((k, inner) -> flatten(name + "." + k, inner, into));
        else if (v.hasL())
            for (int i = 0; i < v.l().size(); i++)
                flatten(name + "." + (i + 1), v.l().get(i), into);
        else if (v.hasSs()) into.put(name, String.join(", ", v.ss()));
        else if (v.n() != null) into.put(name, v.n());
        else if (v.bool() != null) into.put(name, v.bool().toString());
        else if (v.s() != null) {
            String text = v.s();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    flatten(name, Json.mapper().readTree(text), into);
                    return;
                } catch (java.io.IOException notJson) {
                    // shown as it is
                }
            }
            into.put(name, text);
        }
    }

    private static void flatten(String name, JsonNode node, Map<String, String> into) {
        if (node.isObject())
            node.fields()
                    .forEachRemaining(e -> flatten(name + "." + e.getKey(), e.getValue(), into));
        else if (node.isArray())
            for (int i = 0; i < node.size(); i++) flatten(name + "." + (i + 1), node.get(i), into);
        else if (!node.isNull()) into.put(name, node.asText());
    }
}
