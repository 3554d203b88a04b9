package org.involve.core.references;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryReferenceBook;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;

/** One role past its closing date, its applications, and everything the references step talks to, in memory. */
final class World {
    static final ReferenceSettings SETTINGS =
            new ReferenceSettings(
                    5,
                    2,
                    Duration.ofDays(28),
                    "https://involve.example.org",
                    "https://staff.example.org");
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    final Role role =
            TestRoles.dayRate(LocalDate.of(2025, 2, 20)).withStatus(RoleStatus.SHORTLISTING);
    final InMemoryRoles roles = new InMemoryRoles();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    final InMemoryUsedLinks used = new InMemoryUsedLinks();
    final InMemoryReferenceBook book = new InMemoryReferenceBook(round, used, outbox, audit);
    final SignedLink links = new SignedLink("a-test-signing-key-for-reference-links-only");
    final ReferencesDesk desk = new ReferencesDesk(roles, round, book, links, clock, SETTINGS);
    final RefereeResponses referees =
            new RefereeResponses(roles, round, book, links, clock, SETTINGS);
    final ReferenceReminders reminders =
            new ReferenceReminders(roles, round, book, links, SETTINGS);

    World() {
        roles.roles.put(role.id(), role);
    }

    /** {@code posted} as a form read when the application was {@code seen} sends it: with that version. */
    static Map<String, String> readAt(Application seen, Map<String, String> posted) {
        Map<String, String> form = new java.util.HashMap<>(posted);
        form.put(org.involve.core.kit.Version.FIELD, seen.version());
        return form;
    }

    Application booked(String reference) {
        Application a =
                TestApplications.submitted(
                        role,
                        reference,
                        clock.instant().minus(Duration.ofDays(20)),
                        Map.of(
                                org.involve.core.application.ApplicationForm.EMAIL,
                                reference.toLowerCase() + "@example.org"));
        return round.add(
                a.after(
                        Application.Status.INTERVIEW_BOOKED,
                        Map.of("interview.slot", "2025-03-03T09:00:00Z")));
    }

    Application now(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    List<OutboxMessage> mailTo(String address) {
        return outbox.messages().stream()
                .filter(m -> m.email().to().equals(address))
                .sorted(java.util.Comparator.comparing(OutboxMessage::createdAt))
                .toList();
    }

    /** The token in the newest "Write a reference" link sent to {@code address}. */
    String tokenSentTo(String address) {
        List<OutboxMessage> mail = mailTo(address);
        Matcher m =
                Pattern.compile("/reference/([A-Za-z0-9_.-]+)")
                        .matcher(mail.get(mail.size() - 1).email().text());
        if (!m.find())
            throw new AssertionError(
                    "no reference link in " + mail.get(mail.size() - 1).email().text());
        return m.group(1);
    }

    static Map<String, String> reference() {
        return Map.of(
                ReferenceForm.KNOWS,
                "I manage the food bank where they volunteer.",
                ReferenceForm.KNOWN_FOR,
                "4 years",
                ReferenceForm.BRINGS,
                "They listen well and speak up for people who are not heard.",
                ReferenceForm.CONCERN,
                "no",
                ReferenceForm.CONFIRMED,
                "yes");
    }
}
