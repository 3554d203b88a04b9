package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.links.LinkPurpose;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.Role;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.ImpactCount;
import org.involve.core.tenure.TenureDesk;
import org.involve.core.tenure.TenureJobs;
import org.involve.core.tenure.TenureLetters;

/**
 * A day-rate role whose partners are appointed in memory, with the tenure desk, the daily job and the staff and
 * partner pages over them: what the tenure review and annual check-in events tests share.
 */
final class TenureFixture {
    static final String SITE = "http://localhost:3000";
    final MutableClock clock;
    final Round r = new Round();
    final PartnerChanges changes;
    final TenureJobs jobs;
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2024, 11, 20)));
    final TenureDesk desk;

    TenureFixture(Instant now) {
        this.clock = new MutableClock(now);
        this.changes =
                new PartnerChanges(
                        r.partners, r.roles, r.round, TestPartnerLetters.letters(SITE), clock);
        this.jobs =
                new TenureJobs(
                        r.tenure,
                        changes,
                        r.roles,
                        r.meetings,
                        new TenureLetters(TestPartnerLetters.letters(SITE), SITE),
                        ImpactCount.NOT_KEPT,
                        90);
        this.desk =
                new TenureDesk(
                        r.tenure,
                        changes,
                        r.roles,
                        new TenureLetters(TestPartnerLetters.letters(SITE), SITE),
                        clock);
    }

    /** The staff partner pages, with tenure reviews and (unless null) annual check-ins. */
    StaffPartnersHandler staffPages(CheckInDesk checkIns) {
        return new StaffPartnersHandler(
                new Appointing(
                        r.roles,
                        r.round,
                        r.partners,
                        new OutcomeLetters(SITE),
                        TestPartnerLetters.letters(SITE),
                        clock),
                changes,
                new PartnerDirectory(r.partners, r.roles, changes),
                r.audit,
                (who, p) -> "",
                desk,
                checkIns);
    }

    /** The partner's own pages, with tenure reviews and (unless null) annual check-ins. */
    YourInvolvementHandler partnerPages(CheckInDesk checkIns) {
        return new YourInvolvementHandler(
                new YourInvolvement(TestPartnerLetters.LINKS, changes, clock),
                new NewLinkRequests(
                        r.partners, r.roles, TestPartnerLetters.letters(SITE), r.outbox, clock),
                desk,
                checkIns);
    }

    /** A partner appointed to {@code role} from {@code start}; their appointment's id. */
    String appoint(Role role, LocalDate start) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, start, true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-12-01T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    /** The partner {@code id} at {@code step} of their pages, through their link. */
    APIGatewayV2HTTPResponse partner(
            YourInvolvementHandler pages, String event, String id, String step) {
        String token =
                TestPartnerLetters.LINKS.issue(
                        LinkPurpose.PARTNER, id, clock.instant().plus(Duration.ofDays(30)));
        return pages.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_TOKEN", token, "SAMPLE_STEP", step)),
                null);
    }

    /** Staff at {@code step} of partner {@code id}'s record in {@code role}, with the version they read. */
    APIGatewayV2HTTPResponse staff(
            StaffPartnersHandler pages,
            Role role,
            String event,
            String id,
            String step,
            String version) {
        return pages.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_REFERENCE",
                                r.partners.appointments.get(id).applicationReference(),
                                "SAMPLE_STEP",
                                step,
                                "SAMPLE_VERSION",
                                version)),
                null);
    }
}
