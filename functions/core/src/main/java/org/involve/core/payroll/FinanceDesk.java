package org.involve.core.payroll;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Finance (the receive-payments permission) see the payroll exports, download each one's CSV and mark it paid once
 * payroll has paid it, on the version they read. Marking it paid is audited and sends each partner in it their
 * statement, in the same transaction; the payments in it are then shown as paid.
 */
public final class FinanceDesk {
    static final String READY = "READY", PAID = "PAID";
    private static final Words WORDS = Words.of("payroll");
    private final PayrollExports exports;
    private final Payments payments;
    private final ExportFiles files;
    private final PartnerRecords partners;
    private final RoleReader roles;
    private final PayrollLetters letters;
    private final Clock clock;

    public FinanceDesk(
            PayrollExports exports,
            Payments payments,
            ExportFiles files,
            PartnerRecords partners,
            RoleReader roles,
            PayrollLetters letters,
            Clock clock) {
        this.exports = exports;
        this.payments = payments;
        this.files = files;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.clock = clock;
    }

    /** One payment of an export as finance see it: the payroll reference (the application reference), no name. */
    public record Line(String payrollReference, PaymentRecord payment) {}

    public record Detail(PayrollExport export, List<Line> lines) {}

    public List<PayrollExport> exports(StaffMember who) {
        who.require(Permission.RECEIVE_PAYMENTS);
        return exports.all();
    }

    public Detail export(StaffMember who, String exportId) {
        who.require(Permission.RECEIVE_PAYMENTS);
        PayrollExport e = find(exportId);
        Map<String, String> references = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        for (PaymentRecord p : payments.inExport(e.id()))
            lines.add(
                    new Line(
                            references.computeIfAbsent(
                                    p.appointmentId(),
                                    a ->
                                            partners.find(a)
                                                    .map(Appointment::applicationReference)
                                                    .orElse("")),
                            p));
        return new Detail(e, lines);
    }

    /** The export's CSV as payroll receives it. */
    public String csv(StaffMember who, String exportId) {
        who.require(Permission.RECEIVE_PAYMENTS);
        return files.read(find(exportId).fileKey()).orElseThrow(() -> new NotFound("export file"));
    }

    public PayrollExport markPaid(StaffMember who, String exportId, long version) {
        who.require(Permission.RECEIVE_PAYMENTS);
        Instant now = clock.instant();
        PayrollExport before = find(exportId);
        if (before.paid()) throw new Refused(WORDS.get("error.alreadyPaid"));
        if (before.version() != version) throw new Refused(WORDS.get("error.changedMeanwhile"));
        PayrollExport after = before.markedPaid(who.id(), now);
        Map<String, List<PaymentRecord>> byPartner = new LinkedHashMap<>();
        for (PaymentRecord p : payments.inExport(exportId))
            byPartner.computeIfAbsent(p.appointmentId(), a -> new ArrayList<>()).add(p);
        List<OutboxMessage> statements = new ArrayList<>();
        byPartner.forEach(
                (appointmentId, theirs) ->
                        partners.partner(appointmentId)
                                .flatMap(PartnerRecords.Stored::partner)
                                .filter(FinanceDesk::hasEmail)
                                .ifPresent(
                                        p -> {
                                            Role role =
                                                    roles.find(
                                                                    p.appointment().roleId(),
                                                                    Read.CONSISTENT)
                                                            .orElseThrow(
                                                                    () -> new NotFound("role"));
                                            statements.add(
                                                    letters.statement(role, p, after, theirs, now));
                                        }));
        AuditEntry entry =
                new AuditEntry(
                        who.id(), "payroll export marked paid", record(exportId), now, READY, PAID);
        if (!exports.markPaid(before, after, entry, statements))
            throw new Refused(WORDS.get("error.changedMeanwhile"));
        return after;
    }

    private PayrollExport find(String exportId) {
        return exports.find(exportId).orElseThrow(() -> new NotFound("export"));
    }

    /** The audit trail's record of an export. */
    static String record(String exportId) {
        return "payroll#" + exportId;
    }

    /** Partners who chose telephone or post have no e-mail address: the team sends theirs by post. */
    static boolean hasEmail(Partner p) {
        return p.involvement().email() != null && !p.involvement().email().isBlank();
    }
}
