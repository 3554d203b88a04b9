package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which printable letter says what an e-mail that cannot reach its address says. */
class StaffLetterPagesTest {
    @Test
    void theAcknowledgementInvitationAndOutcomeEmailsHaveTheirLetter() {
        assertEquals(
                new Link(
                        "Print the acknowledgement letter",
                        "/staff/applications/INV-BCDF-2345/letters/acknowledgement"),
                StaffLetterPages.forEmail("ack-INV-BCDF-2345"));
        assertEquals(
                "/staff/applications/INV-BCDF-2345/letters/interview",
                StaffLetterPages.forEmail("interview-invitation-INV-BCDF-2345-2").href());
        assertEquals(
                "/staff/applications/INV-BCDF-2345/letters/outcome",
                StaffLetterPages.forEmail("outcome-INV-BCDF-2345").href());
        assertEquals(
                "/staff/applications/INV-BCDF-2345/letters/outcome",
                StaffLetterPages.forEmail("welcome-INV-BCDF-2345").href());
    }

    @Test
    void otherEmailsHaveNone() {
        assertNull(StaffLetterPages.forEmail("interview-book-reminder-INV-BCDF-2345"));
        assertNull(StaffLetterPages.forEmail("ack-task-INV-BCDF-2345"));
        assertNull(StaffLetterPages.forEmail("int-INV-GONE-0003"));
        assertNull(StaffLetterPages.forEmail(null));
    }
}
