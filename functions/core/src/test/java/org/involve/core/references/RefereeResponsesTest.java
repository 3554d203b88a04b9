package org.involve.core.references;

import static org.involve.core.application.Application.Status.REFERENCES_RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

class RefereeResponsesTest {
    private static final String ONE = "robin.refereeone@example.org",
            TWO = "kit.refereetwo@example.org";
    private final World w = new World();
    private final Application app = w.booked("INV-4444-2222");

    RefereeResponsesTest() {
        w.desk.recordResult(
                TestStaff.STAFF,
                w.role.id(),
                app.reference(),
                World.readAt(app, Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL)));
    }

    private List<OutboxMessage> teamMail() {
        return w.outbox.messages().stream()
                .filter(m -> m.purpose().equals("references-received"))
                .toList();
    }

    @Test
    void openingTheFormShowsWhoItIsAboutAndDoesNotUseTheLink() {
        String token = w.tokenSentTo(ONE);
        var form = assertInstanceOf(RefereeResponses.Opened.Form.class, w.referees.open(token));
        assertEquals("Jo Testperson", form.request().applicantName());
        assertEquals(w.role.title(), form.request().role().title());
        assertInstanceOf(RefereeResponses.Opened.Form.class, w.referees.open(token));
        assertTrue(w.used.used.isEmpty());
    }

    @Test
    void aReferenceWithMissingAnswersIsShownAgainWithItsErrorsAndTheLinkIsNotUsed() {
        Map<String, String> posted = new HashMap<>(World.reference());
        posted.remove(ReferenceForm.BRINGS);
        posted.put(ReferenceForm.CONCERN, "yes");
        var invalid =
                assertInstanceOf(
                        RefereeResponses.Sent.Invalid.class,
                        w.referees.send(w.tokenSentTo(ONE), posted));
        assertEquals(
                List.of(ReferenceForm.BRINGS, ReferenceForm.CONCERN_DETAILS),
                List.copyOf(invalid.errors().asMap().keySet()));
        assertEquals("4 years", invalid.values().get(ReferenceForm.KNOWN_FOR));
        assertTrue(w.used.used.isEmpty());
    }

    @Test
    void aReferenceIsStoredOnceAndItsLinkRefusedAfterwards() {
        String token = w.tokenSentTo(ONE);
        assertInstanceOf(
                RefereeResponses.Sent.Thanks.class, w.referees.send(token, World.reference()));
        var again =
                assertInstanceOf(
                        RefereeResponses.Sent.Refused.class,
                        w.referees.send(token, World.reference()));
        assertEquals(LinkRefusal.ALREADY_USED, again.reason());
        assertEquals(
                w.role.contact().email(),
                again.role().contact().email(),
                "the page can say whom to contact");
        assertEquals(
                LinkRefusal.ALREADY_USED,
                assertInstanceOf(RefereeResponses.Opened.Refused.class, w.referees.open(token))
                        .reason());
        assertEquals(
                1, w.book.requests.values().stream().filter(ReferenceRequest::received).count());
        assertEquals(
                REFERENCES_REQUESTED, w.now(app).status(), "one of two references is not enough");
        assertTrue(teamMail().isEmpty());
    }

    @Test
    void tamperedExpiredAndWrongPurposeLinksAreRefused() {
        String token = w.tokenSentTo(ONE);
        String tampered =
                token.substring(0, 10)
                        + (token.charAt(10) == 'A' ? 'B' : 'A')
                        + token.substring(11);
        assertEquals(
                LinkRefusal.TAMPERED,
                ((RefereeResponses.Sent.Refused) w.referees.send(tampered, World.reference()))
                        .reason());
        String booking =
                w.links.issue(
                        LinkPurpose.INTERVIEW_BOOKING,
                        "some-booking-subject-id",
                        w.clock.instant().plus(Duration.ofDays(1)));
        assertEquals(
                LinkRefusal.WRONG_PURPOSE,
                ((RefereeResponses.Opened.Refused) w.referees.open(booking)).reason());
        w.clock.advance(World.SETTINGS.linkLifetime());
        assertEquals(
                LinkRefusal.EXPIRED,
                ((RefereeResponses.Sent.Refused) w.referees.send(token, World.reference()))
                        .reason());
        assertTrue(w.book.requests.values().stream().noneMatch(ReferenceRequest::received));
    }

    @Test
    void whenBothHaveAnsweredTheApplicationMovesOnAndTheTeamIsAskedToAppoint() {
        w.referees.send(w.tokenSentTo(ONE), World.reference());
        var thanks =
                assertInstanceOf(
                        RefereeResponses.Sent.Thanks.class,
                        w.referees.send(w.tokenSentTo(TWO), World.reference()));
        assertEquals(REFERENCES_RECEIVED, w.now(app).status());
        assertEquals(1, teamMail().size());
        assertEquals(thanks.messageIds(), List.of(teamMail().get(0).id()));
        assertEquals("team@example.org", teamMail().get(0).email().to());
        assertTrue(
                teamMail()
                        .get(0)
                        .email()
                        .text()
                        .contains("https://staff.example.org/staff/partners/" + w.role.id()));
        assertEquals(
                List.of("REFERENCES_REQUESTED", "REFERENCES_RECEIVED"),
                w.audit.entries().stream()
                        .filter(e -> e.what().equals("completed the references"))
                        .flatMap(e -> List.of(e.fromState(), e.toState()).stream())
                        .toList());
        var stored = w.desk.candidate(TestStaff.STAFF, w.role.id(), app.reference()).requests();
        assertEquals(World.reference(), stored.get(1).answers());
    }

    @Test
    void bothAnsweringAtTheSameMomentCompleteTheApplicationExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            World world = new World();
            Application a = world.booked("INV-5555-2222");
            world.desk.recordResult(
                    TestStaff.STAFF,
                    world.role.id(),
                    a.reference(),
                    World.readAt(a, Map.of(ReferencesDesk.RESULT, ReferencesDesk.SUCCESSFUL)));
            List<String> tokens = List.of(world.tokenSentTo(ONE), world.tokenSentTo(TWO));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RefereeResponses.Sent>> sent = new ArrayList<>();
            for (String t : tokens)
                sent.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return world.referees.send(t, World.reference());
                                }));
            start.countDown();
            for (var f : sent) assertInstanceOf(RefereeResponses.Sent.Thanks.class, f.get());
            pool.shutdown();
            assertEquals(REFERENCES_RECEIVED, world.now(a).status());
            assertEquals(
                    1,
                    world.outbox.messages().stream()
                            .filter(m -> m.purpose().equals("references-received"))
                            .count());
            assertEquals(
                    1,
                    world.audit.entries().stream()
                            .filter(e -> e.what().equals("completed the references"))
                            .count());
        }
    }
}
