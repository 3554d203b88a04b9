package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.FictionalApplicants;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryShortlist;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/**
 * A role being shortlisted (Panel's: two essential criteria, one desirable) with three fictional applicants' papers, and
 * a panel of two (PANEL_A and PANEL_B).
 */
final class ShortlistFixture {
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-21T10:00:00Z"));
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryRound applications =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()), outbox, audit);
    final InMemoryShortlist store = new InMemoryShortlist(audit);
    final InMemoryRoles roles = new InMemoryRoles();
    final AnonymousIds ids = new AnonymousIds("a-fixture-key-for-anonymous-ids-of-enough-length");
    final Role role;
    final Application zebedee, orlaith, perpetua;
    final ShortlistingPanel panel;
    final PanelScoring scoring;
    final ShortlistRecording recording;

    ShortlistFixture(int places, int priorityPlaces) {
        role = roles.save(Panel.role(places, priorityPlaces));
        Instant at = Instant.parse("2025-01-10T10:00:00Z");
        zebedee =
                applications.add(
                        FictionalApplicants.submitted(
                                role, FictionalApplicants.ZEBEDEE, "INV-ZEBE-0001", at, false));
        orlaith =
                applications.add(
                        FictionalApplicants.submitted(
                                role,
                                FictionalApplicants.ORLAITH,
                                "INV-ORLA-0002",
                                at.plusSeconds(60),
                                true));
        perpetua =
                applications.add(
                        FictionalApplicants.submitted(
                                role,
                                FictionalApplicants.PERPETUA,
                                "INV-PERP-0003",
                                at.plusSeconds(120),
                                false));
        new PanelPapers(applications, store, ids).prepare(role);
        roles.panel(role.id(), TestStaff.PANEL_A, TestStaff.PANEL_B);
        panel = new ShortlistingPanel(roles, roles, store, ScoreScale.STANDARD);
        scoring =
                new PanelScoring(
                        roles,
                        roles,
                        store,
                        ScoreScale.STANDARD,
                        new InMemoryOutboxWriter(outbox),
                        clock,
                        "https://staff.example.org/");
        recording =
                new ShortlistRecording(
                        roles,
                        roles,
                        store,
                        applications,
                        ids,
                        ScoreScale.STANDARD,
                        new InMemoryOutboxWriter(outbox),
                        audit,
                        clock,
                        "https://staff.example.org");
    }

    String id(Application a) {
        return ids.of(role.id(), a.reference());
    }

    /** One panel member's scores for lived, teamwork and research. */
    PanelScoring.Saved score(
            StaffMember who, Application a, int lived, int teamwork, int research) {
        Map<String, String> form =
                new HashMap<>(
                        Map.of(
                                "score-lived",
                                String.valueOf(lived),
                                "score-teamwork",
                                String.valueOf(teamwork),
                                "score-research",
                                String.valueOf(research)));
        clock.advance(java.time.Duration.ofSeconds(1));
        return scoring.save(who, role.id(), id(a), form);
    }

    Application.Status status(Application a) {
        return applications
                .find(a.roleId(), a.applicantKey(), Read.CONSISTENT)
                .orElseThrow()
                .status();
    }
}
