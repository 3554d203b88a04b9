package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.SaveAndReturn.CodeResult;
import org.involve.core.application.SaveAndReturn.LinkResult;
import org.involve.core.application.SaveAndReturn.Opened;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.ReturnCodes;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAttempts;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class SaveAndReturnTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final InMemoryOutbox outbox = new InMemoryOutbox(new RecordingMailQueue());
    private final InMemoryApplications applications = new InMemoryApplications(outbox, drafts);
    private final InMemoryAttempts limits = new InMemoryAttempts(outbox);
    private final ReturnCodes codes = new ReturnCodes("a-test-return-code-key-of-enough-length");
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    roles,
                    drafts,
                    applications,
                    new MonitoringToken("a-test-signing-key-of-enough-length"),
                    clock,
                    new ApplyingSettings(
                            "https://involve.example.org",
                            "https://staff.involve.example.org",
                            Duration.ofDays(14),
                            Duration.ofSeconds(20)),
                    TestLinks.WITHDRAWAL,
                    new org.involve.core.fakes.InMemoryAttempts(
                            new org.involve.core.fakes.InMemoryOutbox(
                                    new org.involve.core.fakes.RecordingMailQueue())));
    private final SaveAndReturn returns =
            new SaveAndReturn(
                    drafts,
                    limits,
                    roles,
                    TestLinks.LINKS,
                    codes,
                    clock,
                    "https://involve.example.org/");
    private final Role role = TestRoles.monthly(LocalDate.of(2025, 1, 20));

    SaveAndReturnTest() {
        roles.save(role);
    }

    /** A draft with its first section (who can apply) saved. */
    private ApplicationDraft started() {
        ApplicationDraft d = journey.start(role.id());
        var first = new ApplicationForm(role).sections(Map.of()).get(0);
        journey.saveSection(
                d.id(), role.id(), first.id(), Answers.forSection(first, Answers.valid(role)));
        return drafts.find(d.id()).orElseThrow();
    }

    private static String link(Email email) {
        Matcher m =
                Pattern.compile(
                                "https://involve\\.example\\.org(/roles/[^\\s\"<]+/continue/[^\\s\"<]+)")
                        .matcher(email.text());
        assertTrue(m.find(), email.text());
        return m.group(1);
    }

    private static String token(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void everyDraftHasAReferenceAndACodeThatIsNotStored() {
        ApplicationDraft d = journey.start(role.id());
        assertNotNull(d.returnReference());
        var details = returns.details(d).orElseThrow();
        assertEquals(d.returnReference(), details.reference());
        assertEquals(codes.code(d.id()), details.code());
        assertFalse(d.toString().contains(details.code()), "the code is not part of the draft");
    }

    @Test
    void theLinkIsOfferedOnlyAfterTheFirstSection() {
        ApplicationDraft d = journey.start(role.id());
        assertFalse(SaveAndReturn.offered(d));
        assertInstanceOf(
                LinkResult.NotOffered.class, returns.emailLink(d, role, "sam@example.org"));
        assertTrue(outbox.messages().isEmpty());
        assertTrue(SaveAndReturn.offered(started()));
    }

    @Test
    void theEmailNamesTheRoleTheDateAnswersAreKeptUntilAndCarriesALinkReferenceAndCode() {
        ApplicationDraft d = started();
        var r = returns.emailLink(d, role, " sam@example.org ");
        assertEquals(new LinkResult.Sent("sam@example.org"), r);
        OutboxMessage m = outbox.messages().get(0);
        Email e = m.email();
        assertEquals("sam@example.org", e.to());
        assertTrue(e.subject().contains(role.title()), e.subject());
        assertTrue(e.text().contains("24 January 2025"), e.text());
        assertTrue(e.text().contains(d.returnReference()), e.text());
        assertTrue(e.text().contains(codes.code(d.id())), e.text());
        assertTrue(link(e).startsWith("/roles/" + role.id() + "/continue/"));
    }

    @Test
    void aWrongEmailAddressIsAskedForAgainAndNothingIsSent() {
        var r = returns.emailLink(started(), role, "not an address");
        assertInstanceOf(LinkResult.Invalid.class, r);
        assertTrue(((LinkResult.Invalid) r).errors().has(SaveAndReturn.EMAIL));
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aDraftGetsAtMostThreeEmailsAnHour() {
        ApplicationDraft d = started();
        for (int i = 0; i < SaveAndReturn.EMAILS_PER_HOUR; i++)
            assertInstanceOf(
                    LinkResult.Sent.class, returns.emailLink(d, role, "sam" + i + "@example.org"));
        assertInstanceOf(LinkResult.TooMany.class, returns.emailLink(d, role, "kim@example.org"));
        assertEquals(SaveAndReturn.EMAILS_PER_HOUR, outbox.messages().size());

        clock.advance(Duration.ofHours(1));
        assertInstanceOf(LinkResult.Sent.class, returns.emailLink(d, role, "kim@example.org"));
        assertEquals(SaveAndReturn.EMAILS_PER_HOUR + 1, outbox.messages().size());
    }

    /**
     * New drafts cannot be used to fill one inbox: at most 3 e-mails reach an address in any 24 hours, however it is
     * written, and the page says the same whether or not one went, so nobody learns about the address.
     */
    @Test
    void oneAddressGetsAtMostThreeEmailsInAnyTwentyFourHoursWhateverTheDrafts() {
        for (int i = 0; i < SaveAndReturn.EMAILS_PER_ADDRESS_PER_DAY; i++)
            assertInstanceOf(
                    LinkResult.Sent.class, returns.emailLink(started(), role, "sam@example.org"));
        clock.advance(Duration.ofHours(23));
        var refused = returns.emailLink(started(), role, "  SAM@Example.org ");
        assertEquals(new LinkResult.Sent("SAM@Example.org"), refused, "the same answer as a send");
        assertEquals(SaveAndReturn.EMAILS_PER_ADDRESS_PER_DAY, outbox.messages().size());
        assertInstanceOf(
                LinkResult.Sent.class, returns.emailLink(started(), role, "kim@example.org"));
        assertEquals(
                SaveAndReturn.EMAILS_PER_ADDRESS_PER_DAY + 1,
                outbox.messages().size(),
                "other addresses are not held back");

        clock.advance(Duration.ofHours(1));
        returns.emailLink(started(), role, "sam@example.org");
        assertEquals(
                SaveAndReturn.EMAILS_PER_ADDRESS_PER_DAY + 1,
                outbox.messages().stream()
                        .filter(m -> m.email().to().equals("sam@example.org"))
                        .count(),
                "24 hours after the first, the address can be sent to again");
    }

    /** Any hour, not a clock hour: 11:00 falling between the e-mails starts no new count. */
    @Test
    void theEmailsAreCountedInAnyHourWhereverTheClockHourFalls() {
        ApplicationDraft d = started();
        clock.set(Instant.parse("2025-01-10T10:58:00Z"));
        for (int i = 0; i < SaveAndReturn.EMAILS_PER_HOUR; i++) {
            assertInstanceOf(
                    LinkResult.Sent.class, returns.emailLink(d, role, "sam" + i + "@example.org"));
            clock.advance(Duration.ofMinutes(2));
        }
        assertInstanceOf(LinkResult.TooMany.class, returns.emailLink(d, role, "sam@example.org"));
        clock.set(Instant.parse("2025-01-10T11:57:59Z"));
        assertInstanceOf(
                LinkResult.TooMany.class,
                returns.emailLink(d, role, "sam@example.org"),
                "the first still counts");
        clock.set(Instant.parse("2025-01-10T11:59:00Z"));
        assertInstanceOf(
                LinkResult.Sent.class,
                returns.emailLink(d, role, "sam@example.org"),
                "61 minutes after the first");
        assertInstanceOf(LinkResult.TooMany.class, returns.emailLink(d, role, "sam@example.org"));
        assertEquals(SaveAndReturn.EMAILS_PER_HOUR + 1, outbox.messages().size());
    }

    /** The tries at a code, per reference and per client, are counted in any hour too. */
    @Test
    void theTriesAtACodeAreCountedInAnyHourWhereverTheClockHourFalls() {
        ApplicationDraft d = started();
        Map<String, String> wrong =
                Map.of(SaveAndReturn.REFERENCE, d.returnReference(), SaveAndReturn.CODE, "BBBBBB");
        Map<String, String> right =
                Map.of(
                        SaveAndReturn.REFERENCE,
                        d.returnReference(),
                        SaveAndReturn.CODE,
                        codes.code(d.id()));
        clock.set(Instant.parse("2025-01-10T10:58:00Z"));
        for (int i = 0; i < SaveAndReturn.TRIES_PER_REFERENCE; i++) {
            assertInstanceOf(
                    CodeResult.NoMatch.class, returns.openByCode(wrong, "198.51.100." + i));
            clock.advance(Duration.ofMinutes(1));
        }
        assertInstanceOf(CodeResult.TooMany.class, returns.openByCode(right, "203.0.113.9"));
        clock.set(Instant.parse("2025-01-10T11:59:00Z"));
        assertInstanceOf(CodeResult.Draft.class, returns.openByCode(right, "203.0.113.9"));

        String client = "192.0.2.44";
        clock.set(Instant.parse("2025-01-10T13:50:00Z"));
        for (int i = 0; i < SaveAndReturn.TRIES_PER_CLIENT; i++) {
            returns.openByCode(
                    Map.of(
                            SaveAndReturn.REFERENCE,
                            ReturnCodes.newReference(),
                            SaveAndReturn.CODE,
                            "BBBBBB"),
                    client);
            clock.advance(Duration.ofMinutes(1));
        }
        assertInstanceOf(CodeResult.TooMany.class, returns.openByCode(right, client), "at 14:10");
        clock.set(Instant.parse("2025-01-10T14:51:00Z"));
        assertInstanceOf(CodeResult.Draft.class, returns.openByCode(right, client));
    }

    @Test
    void theLinkOpensTheDraftUntilItIsSentOrExpires() {
        ApplicationDraft d = started();
        returns.emailLink(d, role, "sam@example.org");
        String token = token(link(outbox.messages().get(0).email()));

        assertEquals(new Opened.Draft(d), returns.openLink(role.id(), token));
        assertInstanceOf(
                Opened.Gone.class,
                returns.openLink("another-role", token),
                "only for the role it was sent for");
        assertEquals(
                new Opened.NotRecognised(java.util.Optional.of(role)),
                returns.openLink(role.id(), token + "x"),
                "a garbled link is not one we recognise, rather than gone");

        drafts.save(d.pointingAtEarlier("INV-BBBB-CCCC"));
        var gone = returns.openLink(role.id(), token);
        assertEquals(new Opened.Gone(java.util.Optional.of(role)), gone, "sent");
    }

    @Test
    void theLinkStopsWorkingWhenTheAnswersExpire() {
        ApplicationDraft d = started();
        returns.emailLink(d, role, "sam@example.org");
        String token = token(link(outbox.messages().get(0).email()));
        clock.advance(Duration.ofDays(14));
        assertInstanceOf(Opened.Gone.class, returns.openLink(role.id(), token));
    }

    @Test
    void theReferenceAndCodeOpenTheDraftAsTyped() {
        ApplicationDraft d = started();
        String code = codes.code(d.id());
        var r =
                returns.openByCode(
                        Map.of(
                                SaveAndReturn.REFERENCE,
                                d.returnReference().toLowerCase().replace("-", " "),
                                SaveAndReturn.CODE,
                                code.toLowerCase()),
                        "203.0.113.9");
        assertEquals(new CodeResult.Draft(d), r);
    }

    @Test
    void aWrongCodeAndAnUnknownReferenceGetTheSameAnswer() {
        ApplicationDraft d = started();
        var wrongCode =
                (CodeResult.NoMatch)
                        returns.openByCode(
                                Map.of(
                                        SaveAndReturn.REFERENCE,
                                        d.returnReference(),
                                        SaveAndReturn.CODE,
                                        "BBBBBB"),
                                "203.0.113.9");
        var unknown =
                (CodeResult.NoMatch)
                        returns.openByCode(
                                Map.of(
                                        SaveAndReturn.REFERENCE,
                                        "BBBB-CCCC",
                                        SaveAndReturn.CODE,
                                        codes.code(d.id())),
                                "203.0.113.9");
        assertEquals(wrongCode.errors().asMap(), unknown.errors().asMap());
    }

    @Test
    void aSentApplicationCannotBeOpenedByItsCode() {
        ApplicationDraft d = started();
        drafts.save(d.pointingAtEarlier("INV-BBBB-CCCC"));
        assertInstanceOf(
                CodeResult.NoMatch.class,
                returns.openByCode(
                        Map.of(
                                SaveAndReturn.REFERENCE,
                                d.returnReference(),
                                SaveAndReturn.CODE,
                                codes.code(d.id())),
                        "203.0.113.9"));
    }

    @Test
    void fiveTriesAnHourForAReferenceThenNotEvenTheRightCode() {
        ApplicationDraft d = started();
        for (int i = 0; i < SaveAndReturn.TRIES_PER_REFERENCE; i++)
            assertInstanceOf(
                    CodeResult.NoMatch.class,
                    returns.openByCode(
                            Map.of(
                                    SaveAndReturn.REFERENCE,
                                    d.returnReference(),
                                    SaveAndReturn.CODE,
                                    "BBBBBB"),
                            "198.51.100." + i));
        Map<String, String> right =
                Map.of(
                        SaveAndReturn.REFERENCE,
                        d.returnReference(),
                        SaveAndReturn.CODE,
                        codes.code(d.id()));
        assertInstanceOf(CodeResult.TooMany.class, returns.openByCode(right, "203.0.113.9"));
        clock.advance(Duration.ofHours(1));
        assertInstanceOf(CodeResult.Draft.class, returns.openByCode(right, "203.0.113.9"));
    }

    @Test
    void anUnknownReferenceIsLimitedTheSameWay() {
        Map<String, String> guess =
                Map.of(SaveAndReturn.REFERENCE, "BBBB-CCCC", SaveAndReturn.CODE, "BBBBBB");
        for (int i = 0; i < SaveAndReturn.TRIES_PER_REFERENCE; i++)
            assertInstanceOf(
                    CodeResult.NoMatch.class, returns.openByCode(guess, "198.51.100." + i));
        assertInstanceOf(CodeResult.TooMany.class, returns.openByCode(guess, "203.0.113.9"));
    }

    @Test
    void oneClientGetsTwentyTriesAnHourWhateverTheReferences() {
        for (int i = 0; i < SaveAndReturn.TRIES_PER_CLIENT; i++)
            assertInstanceOf(
                    CodeResult.NoMatch.class,
                    returns.openByCode(
                            Map.of(
                                    SaveAndReturn.REFERENCE,
                                    ReturnCodes.newReference(),
                                    SaveAndReturn.CODE,
                                    "BBBBBB"),
                            "203.0.113.9"));
        ApplicationDraft d = started();
        Map<String, String> right =
                Map.of(
                        SaveAndReturn.REFERENCE,
                        d.returnReference(),
                        SaveAndReturn.CODE,
                        codes.code(d.id()));
        assertInstanceOf(CodeResult.TooMany.class, returns.openByCode(right, "203.0.113.9"));
        assertInstanceOf(CodeResult.Draft.class, returns.openByCode(right, "198.51.100.7"));
        assertTrue(
                limits.counts.keySet().stream().noneMatch(k -> k.contains("203.0.113.9")),
                "the client's address is not kept");
    }

    @Test
    void emptyAnswersAreAskedForAgain() {
        var r = (CodeResult.NoMatch) returns.openByCode(Map.of(), "203.0.113.9");
        assertTrue(r.errors().has(SaveAndReturn.REFERENCE));
        assertTrue(r.errors().has(SaveAndReturn.CODE));
        assertTrue(limits.counts.isEmpty(), "an empty form is not a try");
    }
}
