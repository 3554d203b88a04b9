package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.MutableClock;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailOperations;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** The e-mail problems page through its sample events. */
class StaffEmailEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final StaffEmailHandler handler =
            new StaffEmailHandler(new MailOperations(outbox, clock));
    private final String failed = setAside("ack-INV-FAIL-0001", "sam.smith@example.org", false);
    private final String unsure = setAside("ack-INV-UNSR-0002", "jo.jones@example.org", true);

    private String setAside(String id, String to, boolean unsure) {
        outbox.add(
                new OutboxMessage(
                        id,
                        new Email(to, "We have received your application", "<p>x</p>", "x"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement"));
        outbox.claim(id, clock.instant(), clock.instant().plusSeconds(120));
        if (unsure) outbox.needsChecking(id, Problem.NO_ANSWER, "timeout", clock.instant());
        else outbox.fail(id, Problem.MESSAGE_REJECTED, "MessageRejected", clock.instant());
        return id;
    }

    private APIGatewayV2HTTPResponse call(String event, String messageId) {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_MESSAGE", messageId));
        return handler.handleRequest(e, null);
    }

    @Test
    void thePageListsFailedAndUnsureEmailsWithMaskedAddressesAndPlainReasons() {
        var page = call("http-get-staff-email.json", "");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("<h1>E-mail problems</h1>"));
        assertTrue(body.contains("s***@example.org"));
        assertTrue(body.contains("j***@example.org"));
        assertFalse(body.contains("sam.smith@example.org"), "the address is masked");
        assertTrue(body.contains("Our e-mail service refused this e-mail."));
        assertTrue(body.contains("may have sent the e-mail"));
        assertTrue(body.contains("/staff/email/" + unsure + "/mark-sent"));
        assertFalse(body.contains("/staff/email/" + failed + "/mark-sent"), "only for unsure ones");
        assertTrue(body.contains("/staff/email/" + failed + "/send-again"));
    }

    @Test
    void sendAgainQueuesTheEmailOnceAuditedAndSaysSo() {
        var done = call("http-post-staff-email-send-again.json", failed);
        assertEquals(303, done.getStatusCode());
        assertEquals("/staff/email?done=sentAgain", done.getHeaders().get("Location"));
        assertEquals(MailState.PENDING, outbox.state(failed));
        assertEquals(1, outbox.audit.entries().size());
        assertEquals("local-sam-staff", outbox.audit.entries().get(0).who());

        assertEquals(409, call("http-post-staff-email-send-again.json", failed).getStatusCode());
        assertEquals(1, outbox.audit.entries().size(), "once");
    }

    @Test
    void anUnsureEmailCanBeMarkedAsSent() {
        var done = call("http-post-staff-email-mark-sent.json", unsure);
        assertEquals(303, done.getStatusCode());
        assertEquals(MailState.SENT, outbox.state(unsure));
        assertEquals(409, call("http-post-staff-email-mark-sent.json", failed).getStatusCode());
        assertEquals(
                404,
                call("http-post-staff-email-mark-sent.json", "no-such-message").getStatusCode());
    }

    @Test
    void anEmailToAnAddressThatBouncedIsATaskToReadAndPassOnByTelephoneOrPost() {
        String unreachable = "int-INV-GONE-0003";
        outbox.add(
                new OutboxMessage(
                        unreachable,
                        new Email(
                                "gone@example.org",
                                "Your interview",
                                "<p>x</p>",
                                "Your interview is on Monday 3 March at 10am.\n\nThank you"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "interview"));
        outbox.fail(unreachable, Problem.ADDRESS_UNDELIVERABLE, "Address bounced", clock.instant());

        String page = call("http-get-staff-email.json", "").getBody();
        assertTrue(page.contains("Tell by telephone or post"));
        assertTrue(page.contains("/staff/email/" + unreachable + "/told-another-way"));
        assertFalse(
                page.contains("/staff/email/" + unreachable + "/send-again"),
                "sending again would only fail again");
        assertFalse(page.contains("gone@example.org"), "masked on the list");

        var message = call("http-get-staff-email-message.json", unreachable);
        assertEquals(200, message.getStatusCode());
        assertTrue(message.getBody().contains("gone@example.org"), "in full on its own page");
        assertTrue(
                message.getBody().contains("<p>Your interview is on Monday 3 March at 10am.</p>"));
        assertTrue(message.getBody().contains("/staff/email/" + unreachable + "/told-another-way"));

        var done = call("http-post-staff-email-told-another-way.json", unreachable);
        assertEquals(303, done.getStatusCode());
        assertEquals("/staff/email?done=toldAnotherWay", done.getHeaders().get("Location"));
        assertEquals(MailState.SENT, outbox.state(unreachable));
        assertEquals(
                409,
                call("http-post-staff-email-told-another-way.json", unreachable).getStatusCode());
        assertEquals(
                409,
                call("http-post-staff-email-told-another-way.json", failed).getStatusCode(),
                "only for an address that cannot be reached");
        assertEquals(MailState.FAILED, outbox.state(failed));
    }

    @Test
    void thePanelIsRefusedThePageAndItsActions() {
        for (String event :
                List.of(
                        "http-get-staff-email-as-panel.json",
                        "http-post-staff-email-send-again-as-panel.json")) {
            var response = call(event, failed);
            assertEquals(403, response.getStatusCode(), event);
            assertFalse(response.getBody().contains("s***@example.org"), event);
        }
        assertEquals(MailState.FAILED, outbox.state(failed));
        assertTrue(outbox.audit.entries().isEmpty());
    }

    /**
     * An e-mail nobody dealt with loses its words and address after the sent-e-mail period (the retention job). The page
     * says so plainly, with the period, and offers no "Send again" (it could not work) but "Remove from this list";
     * sending it again or reading it is refused in the same words.
     */
    @Test
    void anEmailWhoseTextWasDeletedSaysSoAndCanOnlyBeRemovedFromTheList() {
        String deleted = setAside("ack-INV-GONE-0004", "kim.gone@example.org", false);
        outbox.removeText(deleted, clock.instant().plusSeconds(86_400L * 30));

        var page = call("http-get-staff-email.json", "");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("Not sent, and now deleted"), body);
        assertTrue(
                body.contains(
                        "we deleted their words and address 30 days after they could not be sent, as"
                                + " our retention rules say. They cannot be read or sent again."),
                body);
        assertTrue(body.contains("/staff/email/" + deleted + "/remove"));
        assertTrue(body.contains("Remove from this list"));
        assertFalse(body.contains("/staff/email/" + deleted + "/send-again"), "it could not work");
        assertFalse(body.contains("href=\"/staff/email/" + deleted + "\""), "nothing to read");
        assertTrue(body.contains("/staff/email/" + failed + "/send-again"), "others as before");
        assertFalse(body.contains("kim.gone") || body.contains("k***@example.org"));

        for (String event :
                List.of(
                        "http-post-staff-email-send-again.json",
                        "http-get-staff-email-message.json")) {
            var refused = call(event, deleted);
            assertEquals(409, refused.getStatusCode(), event);
            assertTrue(
                    refused.getBody()
                            .contains(
                                    "We deleted the words and address of this e-mail 30 days after"
                                            + " it could not be sent, as our retention rules say."),
                    event);
        }
        assertEquals(MailState.FAILED, outbox.state(deleted));

        var removed = call("http-post-staff-email-remove.json", deleted);
        assertEquals(303, removed.getStatusCode());
        assertEquals("/staff/email?done=removed", removed.getHeaders().get("Location"));
        assertEquals(1, outbox.audit.entries().size());
        assertEquals("mail:" + deleted, outbox.audit.entries().get(0).record());
        String after = call("http-get-staff-email.json", "").getBody();
        assertFalse(after.contains("/staff/email/" + deleted + "/remove"));
        assertFalse(after.contains("Not sent, and now deleted"));
        assertEquals(409, call("http-post-staff-email-remove.json", deleted).getStatusCode());
        assertEquals(
                409,
                call("http-post-staff-email-remove.json", failed).getStatusCode(),
                "one whose words are kept is sent again or dealt with, not removed");
    }
}
