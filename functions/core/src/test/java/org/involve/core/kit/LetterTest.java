package org.involve.core.kit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterTest {
    @Test
    void whatAPersonTypedIsEscapedInTheHtmlPart() {
        Email e = new Letter().paragraph("Dear <script>alert('x')</script> & co,").to("jo@example.org", "Hi");
        assertTrue(e.html().contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co,"));
        assertFalse(e.html().contains("<script>"));
    }

    @Test
    void theTextPartSaysTheSameAsTheHtmlPart() {
        Email e = new Letter().paragraph("First").bullets(List.of("one", "two")).link("Go", "https://example.org/x?a=1&b=2").to("jo@example.org", "Hi");
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
        assertThrows(IllegalArgumentException.class, () -> new Email("a@example.org, b@example.org", "Hi", "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Email("a@example.org\r\nBcc: b@example.org", "Hi", "", ""));
    }
}
