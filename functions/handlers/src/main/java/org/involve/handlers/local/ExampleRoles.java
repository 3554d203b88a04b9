package org.involve.handlers.local;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.Settings;
import org.involve.core.role.Commitment;
import org.involve.core.role.Contact;
import org.involve.core.role.Criterion;
import org.involve.core.role.EligibilityPolicy;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Tenure;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Example roles for the local system, modelled on two real role packs, with fictional contacts.
 * Closing dates are set from today so the demo roles stay open; one role has already closed.
 */
public final class ExampleRoles {
    public static final String SCG = "strategic-coproduction-group-member";
    public static final String LEP = "listening-culture-lived-experience-partner";
    public static final String CLOSED = "maternity-services-lay-partner";

    private ExampleRoles() {}

    private static final Contact CONTACT =
            new Contact(
                    "Sam Example",
                    "involvement-team@example.org",
                    "01632 960 001",
                    "involvement-team@example.org",
                    "benefits-advice@example.org");

    public static List<Role> all(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(org.involve.core.kit.ClosingTime.UK));
        return List.of(
                strategicCoproductionGroup(today),
                listeningCulture(today),
                closedLayPartner(today));
    }

    public static void loadInto(DynamoDbClient client, Clock clock) {
        DynamoRoles roles =
                new DynamoRoles(
                        client,
                        Settings.optional("ROLES_TABLE", "RolesTable"),
                        new DynamoOutbox(
                                client,
                                Settings.optional("OUTBOX_TABLE", "OutboxTable"),
                                Settings.optional("APPLICATIONS_TABLE", "ApplicationsTable"),
                                messageId -> {},
                                warning -> {}), // seeding writes no mail
                        new DynamoAuditTrail(
                                client, Settings.optional("AUDIT_TABLE", "AuditTable")));
        for (Role r : all(clock))
            roles.putIfAbsent(r); // never overwrite what someone changed locally
    }

    static LocalDate weekCommencing(LocalDate d) {
        return d.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    static Role strategicCoproductionGroup(LocalDate today) {
        LocalDate closes = today.plusDays(45);
        return new Role(
                SCG,
                "Strategic Co-production Group member",
                "Innovation, Research and Life Sciences Strategic Co-production Group",
                "Northfield Health and Care Partnership (example)",
                "Help make sure the voices of people with lived experience shape our research and innovation programmes.",
                List.of(
                        "Make sure our programmes consider and prioritise the perspective of patients and the public",
                        "Take part in the group's monthly co-production surgeries",
                        "Work with other members and staff as equals, respecting different views and working towards agreement",
                        "Offer 'critical friend' challenge and share your own experience and networks",
                        "Help share the group's outcomes, usually through an end of year report"),
                List.of(
                        "People with lived experience of health services who can also draw on wider patient networks",
                        "People who can speak up in meetings with senior staff, and listen well"),
                20,
                "including 2 partner co-chairs",
                0,
                List.of(),
                List.of(
                        new Criterion(
                                "innovation-research",
                                "Experience of, and interest in, innovation and research in health care",
                                true),
                        new Criterion(
                                "representing-voices",
                                "Experience of representing the patient or public voice locally, regionally or nationally",
                                true),
                        new Criterion(
                                "why-involvement",
                                "Understanding of why involving people and communities can improve healthcare innovation and research",
                                true),
                        new Criterion(
                                "working-as-equals",
                                "Ability to work creatively, respectfully and collaboratively, as equals",
                                true),
                        new Criterion(
                                "confidentiality",
                                "Understanding of, and respect for, the need for confidentiality",
                                true),
                        new Criterion(
                                "speaking-confidently",
                                "Experience of speaking confidently in large meetings with senior staff",
                                false)),
                closes,
                weekCommencing(closes.plusDays(21)),
                "video call",
                2,
                7,
                new Commitment(
                        "Monthly co-production surgeries, plus flexible involvement in programmes that interest you",
                        "No more than 12 to 18 days a year",
                        7,
                        0),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.dayRate(15000, 7500),
                new EligibilityPolicy(true, 3),
                CONTACT,
                RoleStatus.OPEN);
    }

    static Role listeningCulture(LocalDate today) {
        LocalDate closes = today.plusDays(30);
        return new Role(
                LEP,
                "Listening Culture lived experience partner",
                "Listening Culture informal thinking group",
                "Northfield Health and Care Partnership (example)",
                "Help strengthen the listening culture across health services, as an equal voice on a small thinking group.",
                List.of(
                        "Help shape the direction of the work by offering 'critical friend' challenge",
                        "Hold the group to account for putting co-production at the heart of decisions",
                        "Review and comment on documents",
                        "Help share the outcomes of the work at meetings and webinars"),
                List.of(
                        "Someone who can think and work strategically across health services",
                        "Someone with skills in developing organisational and system culture change",
                        "Someone curious, with a continuous improvement approach"),
                2,
                null,
                1,
                List.of(
                        "ethnically diverse groups",
                        "LGBT+ communities",
                        "inclusion health groups: communities where people lack access to stable work, good education, housing, food and amenities"),
                List.of(
                        new Criterion(
                                "recent-lived-experience",
                                "Recent lived experience as a person using health services, or as a carer of someone who does",
                                true),
                        new Criterion(
                                "representing-communities",
                                "Experience of representing people who use services, carers and their communities",
                                true),
                        new Criterion(
                                "culture-change",
                                "Skills in developing organisation and system culture change",
                                true),
                        new Criterion(
                                "equality",
                                "A good understanding of, and commitment to, equality, diversity and inclusion",
                                true),
                        new Criterion(
                                "continuous-improvement",
                                "Awareness of continuous improvement approaches",
                                false)),
                closes,
                weekCommencing(closes.plusDays(8)),
                "video call",
                2,
                5,
                new Commitment(
                        "A monthly online meeting of 1 hour",
                        "Up to 4 hours a month, including preparation and follow-up",
                        0,
                        80),
                new Tenure(0, 0, 0, 4, closes.plusMonths(4).withDayOfMonth(1)),
                PaymentModel.monthlyFixed(7500, 4),
                EligibilityPolicy.standard(),
                CONTACT,
                RoleStatus.OPEN);
    }

    static Role closedLayPartner(LocalDate today) {
        LocalDate closed = today.minusDays(10);
        return new Role(
                CLOSED,
                "Maternity services lay partner",
                "Maternity and neonatal voices group",
                "Northfield Health and Care Partnership (example)",
                "Bring the experience of families to the group that oversees maternity services.",
                List.of("Attend the group's meetings and speak up for families"),
                List.of("People with recent experience of maternity or neonatal services"),
                3,
                null,
                0,
                List.of(),
                List.of(
                        new Criterion(
                                "maternity-experience",
                                "Recent experience of maternity or neonatal services, as a parent or supporter",
                                true)),
                closed,
                weekCommencing(closed.plusDays(14)),
                "video call",
                2,
                5,
                new Commitment(
                        "Meetings every other month", "About 3 hours every other month", 0, 80),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.unpaid(),
                EligibilityPolicy.standard(),
                CONTACT,
                RoleStatus.SHORTLISTING);
    }
}
