package org.involve.core.tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The daily part of the annual check-ins, on UK dates (Europe/London) so it is right across the GMT/BST changes. It
 * reads only the partners whose start anniversary fell in the last {@link CheckInRules#CATCH_UP_DAYS} days, and only
 * the check-ins whose reminder is due (both from an index keyed by day). An active partner who chose e-mail is sent
 * the short form; the team is always asked to hold the check-in (for a partner who chose telephone or post, or who is
 * paused, that e-mail is the team's task of reaching them). A check-in the team has not recorded is chased once: the
 * partner again (if they were e-mailed and have not answered) and the team. Each step is one transaction (check-in,
 * audit, e-mails) written on condition nothing changed, so running it twice, or late, does what running it once does.
 */
public final class CheckInJobs {
    static final String JOB = "annual-check-in";
    private final CheckIns checkIns;
    private final PartnerChanges partners;
    private final RoleReader roles;
    private final CheckInLetters letters;

    public CheckInJobs(
            CheckIns checkIns, PartnerChanges partners, RoleReader roles, CheckInLetters letters) {
        this.checkIns = checkIns;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
    }

    /** How many check-ins were asked and chased. */
    public record Summary(int asked, int chased) {}

    public Summary run(Instant now) {
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        int asked = 0, chased = 0;
        for (CheckInRules.KeyRange range : CheckInRules.dayKeyRanges(today))
            for (PartnerRecords.Stored s : checkIns.startedOnDays(range)) {
                var a = s.appointment();
                int year = CheckInRules.toAsk(a, today);
                if (year == 0 || checkIns.find(a.id(), year).isPresent()) continue;
                Optional<Role> role = roles.find(a.roleId(), Read.EVENTUAL);
                if (role.isEmpty()) continue;
                Partner p = s.partner().orElseGet(() -> partners.partner(a.id()));
                if (ask(role.get(), p, year, today, now)) asked++;
            }
        for (CheckIn c : checkIns.chaseDueBy(today)) {
            if (!CheckInRules.chaseDue(c, today)) continue;
            Optional<Role> role = roles.find(c.roleId(), Read.EVENTUAL);
            if (role.isEmpty()) continue;
            Partner p = partners.partner(c.appointmentId());
            if (chase(role.get(), p, c, today, now)) chased++;
        }
        return new Summary(asked, chased);
    }

    private boolean ask(Role role, Partner p, int year, LocalDate today, Instant now) {
        boolean byEmail = p.involvement().byEmail() && p.status() == PartnerStatus.ACTIVE;
        CheckIn c =
                CheckIn.asked(
                        p.id(),
                        role.id(),
                        year,
                        CheckInRules.anniversary(p.appointment().start(), year),
                        today,
                        byEmail);
        List<OutboxMessage> msgs = new ArrayList<>();
        if (byEmail) msgs.add(letters.askPartner(role, p, c, false, now));
        msgs.add(letters.askTeam(role, p, c, false, now));
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "ask for the annual check-in",
                        p.auditRecord(),
                        now,
                        null,
                        "check-in " + year + " asked" + (byEmail ? "" : ", team to contact"));
        return checkIns.save(null, c, List.of(audit), msgs);
    }

    private boolean chase(Role role, Partner p, CheckIn c, LocalDate today, Instant now) {
        List<OutboxMessage> msgs = new ArrayList<>();
        if (c.byEmail()
                && !c.partnerAnswered()
                && p.status() == PartnerStatus.ACTIVE
                && p.involvement().byEmail()) msgs.add(letters.askPartner(role, p, c, true, now));
        if (p.current()) msgs.add(letters.askTeam(role, p, c, true, now));
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "chase the annual check-in",
                        p.auditRecord(),
                        now,
                        "check-in " + c.year() + " asked",
                        "check-in " + c.year() + " chased");
        return checkIns.save(c, c.chased(today), List.of(audit), msgs);
    }
}
