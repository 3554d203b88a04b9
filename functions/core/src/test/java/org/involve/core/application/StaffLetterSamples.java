package org.involve.core.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;

/**
 * Every e-mail this area sends to staff, made as the area makes it, with the staff site at {@link #STAFF_SITE}: for the
 * check (StaffLetterLinksTest in handlers) that each links to a page staff can open.
 */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";
    private static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
        AcknowledgementLetters letters =
                new AcknowledgementLetters(
                        "https://site.example.org",
                        STAFF_SITE,
                        org.involve.core.fakes.TestLinks.WITHDRAWAL,
                        new org.involve.core.monitoring.MonitoringToken(
                                "a-test-signing-key-of-enough-length"));
        Map<String, Email> out = new LinkedHashMap<>();
        for (String how : new String[] {"telephone", "post"})
            out.put(
                    "acknowledgementTask (" + how + ")",
                    only(
                            letters.forSubmission(role, app(role, how, false), NOW),
                            "acknowledgement-task"));
        out.put(
                "talkFirst",
                only(letters.forSubmission(role, app(role, "email", true), NOW), "talk-first"));
        out.put(
                "supportRequest",
                only(
                        letters.forSubmission(role, app(role, "email", false), NOW),
                        "support-request"));
        Application byPhone = app(role, "telephone", false);
        out.put(
                "appliedAgainTask",
                only(
                        letters.forRepeat(role, withoutEmail(byPhone), "draft-0001", NOW),
                        "applied-again-task"));

        InMemoryRoles roles = new InMemoryRoles();
        roles.save(role);
        InMemoryOutstandingAcknowledgements outstanding = new InMemoryOutstandingAcknowledgements();
        outstanding.add(byPhone);
        InMemoryOutbox outbox = new InMemoryOutbox();
        new AcknowledgementPromiseCheck(
                        outstanding,
                        roles,
                        new InMemoryOutboxWriter(outbox),
                        STAFF_SITE,
                        Period.ofDays(30))
                .run(NOW.plus(java.time.Duration.ofDays(6)));
        out.put("acknowledgementDue", outbox.messages().get(0).email());
        return out;
    }

    private static Application app(Role role, String method, boolean talkFirst) {
        Application a =
                TestApplications.submitted(
                        role,
                        "INV-STAF-0001",
                        NOW.minus(java.time.Duration.ofDays(1)),
                        Map.of(ApplicationForm.CONTACT_METHOD, method));
        return talkFirst ? a.after(Application.Status.HELD_TO_TALK_FIRST, Map.of()) : a;
    }

    private static Application withoutEmail(Application a) {
        Map<String, String> answers = new java.util.HashMap<>(a.answers());
        answers.remove(ApplicationForm.EMAIL);
        return new Application(
                a.reference(),
                a.roleId(),
                a.applicantKey(),
                a.status(),
                answers,
                a.submittedAt(),
                a.contactMethod(),
                a.acknowledgement(),
                a.enteredBy());
    }

    private static Email only(java.util.List<OutboxMessage> messages, String purpose) {
        return messages.stream()
                .filter(m -> m.purpose().equals(purpose))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + purpose + " message"))
                .email();
    }
}
