package org.involve.core.shortlisting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contact details in free text go whoever they belong to: none of the corpus below is the
 * applicant's or a referee's own declared detail (Jo Testperson, 07700 900982, LS1 4AP,
 * jo.testperson@example.org). Numbers are from Ofcom's drama ranges, postcodes and domains
 * are examples.
 */
class RedactionTest {
    private static final String EMAIL = "[email address removed]",
            PHONE = "[phone number removed]",
            POSTCODE = "[postcode removed]",
            WEB = "[web address removed]",
            HANDLE = "[social media handle removed]",
            NAME = "[name removed]";

    private final Role role = TestRoles.monthly(LocalDate.of(2025, 1, 20));
    private final Application app =
            TestApplications.submitted(
                    role, "INV-7K3M-Q9P2", Instant.parse("2025-01-10T10:00:00Z"), Map.of());
    private final Redaction redaction = new Redaction(app);

    private String redact(String text) {
        return redaction.apply(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // phone numbers as people write them
                "Call 07700 900123 any time.|Call [phone number removed] any time.",
                "Call 07700900123 any time.|Call [phone number removed] any time.",
                "Call 07700-900-123 any time.|Call [phone number removed] any time.",
                "Call +44 7700 900123 any time.|Call [phone number removed] any time.",
                "Call +447700900123 any time.|Call [phone number removed] any time.",
                "Call +44 (0)7700 900123 any time.|Call [phone number removed] any time.",
                "Call 0044 7700 900123 any time.|Call [phone number removed] any time.",
                "Call (020) 7946 0018 any time.|Call [phone number removed] any time.",
                "Call 020 7946 0018 any time.|Call [phone number removed] any time.",
                "Call +44 20 7946 0018 any time.|Call [phone number removed] any time.",
                "Call 0161-496-0000 any time.|Call [phone number removed] any time.",
                "Call 0161 496 0000 any time.|Call [phone number removed] any time.",
                "Call 01632 960 001 any time.|Call [phone number removed] any time.",
                "Call 01632 960001 any time.|Call [phone number removed] any time.",
                "Call 0300 123 4567 any time.|Call [phone number removed] any time.",
                "Call 0808 157 0192 any time.|Call [phone number removed] any time.",
                "Ring the group (0113 496 0000).|Ring the group ([phone number removed]).",
                "Ring 0113 4960000, or 07700 900456.|Ring [phone number removed], or [phone number removed].",
                // postcodes, in capitals or not, spaced or not
                "The group meets at SW1A 1AA on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at m1 1ae on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at EC1A1BB on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at B33 8TH on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at CR2 6XH on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at DN55 1PT on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at W1A 0AX on Mondays.|The group meets at [postcode removed] on Mondays.",
                "The group meets at Leeds LS6 2AB.|The group meets at Leeds [postcode removed].",
                // web addresses
                "See www.example.org for more.|See [web address removed] for more.",
                "See https://example.co.uk/path?q=1 for more.|See [web address removed] for more.",
                "See http://example.com.|See [web address removed].",
                "See example.org/page for more.|See [web address removed] for more.",
                "See example.co.uk, it has it all.|See [web address removed], it has it all.",
                "See Example.org for more.|See [web address removed] for more.",
                "See facebook.com/groups/carers-example.|See [web address removed].",
                "(see https://example.org/a)|(see [web address removed])",
                // social media handles
                "Follow me @handle on Twitter.|Follow me [social media handle removed] on Twitter.",
                "Follow @jo_bloggs_99 and @jo.bloggs.|Follow [social media handle removed] and [social media handle removed].",
                "I am @someone@mastodon.social there.|I am [social media handle removed] there.",
                // e-mail addresses, including written out in words
                "Write to someone@example.co.uk today.|Write to [email address removed] today.",
                "Write to some.one+groups@mail.example.com today.|Write to [email address removed] today.",
                "Write to SOMEONE@EXAMPLE.ORG today.|Write to [email address removed] today.",
                "Write to someone at example dot com today.|Write to [email address removed] today.",
                "Write to some dot one at example dot co dot uk today.|Write to [email address removed] today.",
                "Write to someone(at)example(dot)org today.|Write to [email address removed] today.",
                "Write to someone [at] example [dot] org today.|Write to [email address removed] today.",
                "Write to someone at example.com today.|Write to someone at [web address removed] today.",
                "Write to someone(at)example.com today.|Write to [email address removed] today.",
                "I volunteer at example.org.uk on Fridays.|I volunteer at [web address removed] on Fridays.",
            })
    void anyonesContactDetailsAreRemoved(String written, String seen) {
        assertEquals(seen, redact(written));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "I started on 12/03/2024 and left on 1/4/2025.",
                "From 01-02-2023 to 05-03-2023, and 01-02-2023 - 05-03-2023 again.",
                "On 01.02.2023 at 10.30, then 14:45.",
                "We meet at 10:30 or 3pm, sometimes 9am-5pm.",
                "It costs £150, or £1,250.50 a year.",
                "About 80% of carers, up 12.5% on last year.",
                "I volunteered from 2019-2021 and 2019 to 2021.",
                "I called NHS 111 and then 999.",
                "I have 3 years of experience at Level 2.",
                "meet @ 3pm, or @3pm, by the café",
                "In Q3 2nd half, then Year 10 3rd term, the A1 5km run, M25 4am.",
                "I built it in ASP.NET and Node.js, e.g. in 2.0 and v3.1.",
                "I met her at the hospital and we talked about it.",
                "I worked at Leeds City Council for 10 years.",
                "My NHS number is on my letter; 1,000 people came, 10 000 in all.",
                "Scores of 0, 1, 2, 3 and 4.",
                "Room 101, floor 2, 20 people, 45 minutes.",
            })
    void ordinaryTextIsLeftAlone(String written) {
        assertEquals(written, redact(written));
    }

    @Test
    void aContactDetailMadeOfTheApplicantsNameGoesWhole() {
        assertEquals(
                "Write to " + EMAIL + " or see " + WEB + " or " + HANDLE + ". " + NAME + ".",
                redact(
                        "Write to jo@testperson.co.uk or see www.jotestperson.org or @JoTestperson. Jo."));
    }

    @Test
    void severalKindsInOneAnswerEachSayWhatWasThere() {
        assertEquals(
                "My friend Sam ("
                        + PHONE
                        + ", "
                        + EMAIL
                        + ") runs "
                        + WEB
                        + " from "
                        + POSTCODE
                        + "; "
                        + HANDLE
                        + ".",
                redact(
                        "My friend Sam (07700 900321, sam@example.net) runs www.example.org from M1 1AE; @samruns."));
    }

    @Test
    void aNameThatIsAWordInAMarkerDoesNotBreakTheMarker() {
        Application named =
                TestApplications.submitted(
                        role,
                        "INV-7K3M-Q9P3",
                        Instant.parse("2025-01-10T10:00:00Z"),
                        Map.of(
                                org.involve.core.application.ApplicationForm.FULL_NAME,
                                "Phone Number"));
        String seen = new Redaction(named).apply("Phone me on 07700 900321.");
        assertEquals(NAME + " me on " + PHONE + ".", seen);
        assertFalse(seen.contains("[[") || seen.contains("]]"), seen);
    }
}
