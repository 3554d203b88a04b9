package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LetterTest {
    @Test
    void whatAPersonTypedIsEscapedInTheHtmlPart() {
        Email e =
                new Letter()
                        .paragraph("Dear <script>alert('x')</script> & co,")
                        .to("jo@example.org", "Hi");
        assertTrue(
                e.html()
                        .contains(
                                "Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co,"));
        assertFalse(e.html().contains("<script>"));
    }

    @Test
    void theTextPartSaysTheSameAsTheHtmlPart() {
        Email e =
                new Letter()
                        .paragraph("First")
                        .bullets(List.of("one", "two"))
                        .link("Go", "https://example.org/x?a=1&b=2")
                        .to("jo@example.org", "Hi");
        assertEquals("First\n\n- one\n- two\nGo:\nhttps://example.org/x?a=1&b=2\n", e.text());
        assertTrue(e.html().contains("<ul><li>one</li><li>two</li></ul>"));
        assertTrue(e.html().contains("href=\"https://example.org/x?a=1&amp;b=2\""));
    }

    @Test
    void aSubjectIsAlwaysOneLine() {
        Email e = new Email("jo@example.org", "Hello\r\nBcc: someone@example.org", "", "");
        assertEquals("Hello Bcc: someone@example.org", e.subject());
    }

    @Test
    void anEmailGoesToExactlyOneAddress() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Email("a@example.org, b@example.org", "Hi", "", ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Email("a@example.org\r\nBcc: b@example.org", "Hi", "", ""));
    }

    @Test
    void aLetterFromAContentFileTakesItsWordsFromTheLettersEntriesAndEscapesWhatIsFilledIn() {
        Email e =
                Letter.of(Words.of("outcomes"), "outcomesDue")
                        .say("waiting.one", "role", "Chair <b>", "closing", "1 May 2030")
                        .linked("link", "https://staff.example.org/staff/outcomes/r")
                        .sendWithSubject("team@example.org", "subject.one", "role", "Chair <b>");
        assertEquals("1 applicant still waiting for an outcome: Chair <b>", e.subject());
        assertTrue(
                e.html()
                        .contains(
                                "<p>Applications for Chair &lt;b&gt; closed on 1 May 2030. 1 applicant has not yet heard whether they were successful.</p>"),
                e.html());
        assertTrue(
                e.text()
                        .endsWith(
                                "See who is waiting:\nhttps://staff.example.org/staff/outcomes/r\n"),
                e.text());
    }

    @Test
    void aMissingEntryOrPlaceholderValueFailsNamingIt() {
        Letter l = Letter.of(Words.of("outcomes"), "outcomesDue");
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> l.say("no-such-entry"));
        assertTrue(
                missing.getMessage()
                        .contains(
                                "content/outcomes.properties has no entry email.outcomesDue.no-such-entry"),
                missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.say("waiting.one", "role", "Chair"));
        assertThrows(IllegalStateException.class, () -> new Letter().say("anything"));
    }
}
