package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.core.withdrawal.WithdrawalLetters;
import org.junit.jupiter.api.Test;

/** The withdrawal page's events through its handler, with the round in memory. */
class WithdrawalEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-12-02T10:00:00Z"));
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    private final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    private final InMemoryInterviewSchedule schedule =
            new InMemoryInterviewSchedule(round, new InMemoryUsedLinks(), outbox);
    private final InMemoryRoles roles = new InMemoryRoles();
    private final SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
    private final WithdrawalHandler handler =
            new WithdrawalHandler(
                    new Withdrawal(
                            links,
                            roles,
                            round,
                            schedule,
                            new WithdrawalLetters("http://localhost:3000"),
                            clock));
    private final Role role =
            TestRoles.dayRate(LocalDate.of(2024, 11, 16)).withStatus(RoleStatus.SHORTLISTING);

    WithdrawalEventsTest() {
        roles.save(role);
    }

    private APIGatewayV2HTTPResponse page(String event, String token) {
        return handler.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_TOKEN", token)),
                null);
    }

    private String tokenFor(Application a) {
        String url = new WithdrawalLink(links, "http://localhost:3000").url(a, clock.instant());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void theApplicantConfirmsThenWithdrawsOnceAndTheirInterviewTimeIsFreed() {
        InterviewSlot slot =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 18, 14, 0), 45);
        Application a =
                TestApplications.submitted(
                        role, "INV-WWWW-1111", Instant.parse("2024-11-10T10:00:00Z"));
        a = a.after(Application.Status.INTERVIEW_BOOKED, Map.of("interview.slot", slot.slotId()));
        round.add(a);
        schedule.slots.put(
                role.id() + "|" + slot.slotId(), slot.bookedFor(a.reference(), a.applicantKey()));
        String token = tokenFor(a);

        var confirm = page("http-get-withdraw.json", token);
        assertEquals(200, confirm.getStatusCode());
        String body = confirm.getBody();
        assertTrue(body.contains("Withdraw your application"));
        assertTrue(body.contains("nhsuk-warning-callout"));
        assertTrue(body.contains("Your interview time will be freed"));
        assertTrue(body.contains("<form method=\"post\" action=\"/withdraw/" + token + "\""));
        assertTrue(body.contains("Yes, withdraw my application"));
        assertEquals(
                Application.Status.INTERVIEW_BOOKED,
                round.find(role.id(), a.applicantKey(), Read.CONSISTENT).orElseThrow().status());

        var done = page("http-post-withdraw.json", token);
        assertEquals(303, done.getStatusCode());
        assertEquals("/withdraw/" + token, done.getHeaders().get("Location"));
        assertEquals(
                Application.Status.WITHDRAWN,
                round.find(role.id(), a.applicantKey(), Read.CONSISTENT).orElseThrow().status());
        assertTrue(schedule.forRole(role.id()).get(0).free());
        assertTrue(queue.announced.contains("withdrawn-INV-WWWW-1111"));
        assertTrue(queue.announced.contains("withdrawn-team-INV-WWWW-1111"));

        var after = page("http-get-withdraw.json", token);
        assertEquals(200, after.getStatusCode());
        assertTrue(after.getBody().contains("Your application has been withdrawn"));
        assertTrue(after.getBody().contains("INV-WWWW-1111"));
        assertTrue(after.getBody().contains("01632 960 002"));
        assertFalse(after.getBody().contains("<form method=\"post\""));

        int sent = outbox.messages().size();
        assertEquals(303, page("http-post-withdraw.json", token).getStatusCode());
        assertEquals(sent, outbox.messages().size(), "withdrawing twice sends nothing more");
    }

    @Test
    void aLinkForSomethingElseOrTamperedGetsAPlainPageAndChangesNothing() {
        Application a =
                round.add(
                        TestApplications.submitted(
                                role, "INV-WWWW-2222", Instant.parse("2024-11-10T10:00:00Z")));
        String booking =
                links.issue(
                        LinkPurpose.INTERVIEW_BOOKING,
                        a.reference(),
                        Instant.parse("2025-01-01T00:00:00Z"));
        var other = page("http-post-withdraw.json", booking);
        assertEquals(404, other.getStatusCode());
        assertTrue(other.getBody().contains("This link is for something else"));
        var tampered = page("http-get-withdraw.json", tokenFor(a) + "A");
        assertEquals(404, tampered.getStatusCode());
        assertTrue(tampered.getBody().contains("This link does not work"));
        assertEquals(
                Application.Status.RECEIVED,
                round.find(role.id(), a.applicantKey(), Read.CONSISTENT).orElseThrow().status());
        assertTrue(outbox.messages().isEmpty());
    }
}
