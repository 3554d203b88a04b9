package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.List;
import org.involve.core.role.Commitment;
import org.involve.core.role.Contact;
import org.involve.core.role.Criterion;
import org.involve.core.role.EligibilityPolicy;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Tenure;

/** Roles for tests, with fictional contacts. */
public final class TestRoles {
    private TestRoles() {}

    public static final Contact CONTACT =
            new Contact(
                    "Test Contact",
                    "team@example.org",
                    "01632 960 002",
                    "team@example.org",
                    "advice@example.org");

    public static Role dayRate(LocalDate closes) {
        return new Role(
                "day-rate-role",
                "Group member",
                "Co-production group",
                "Example Trust",
                "Shape research.",
                List.of("Attend meetings"),
                List.of("Lived experience"),
                20,
                "including 2 co-chairs",
                0,
                List.of(),
                List.of(
                        new Criterion("research", "Interest in research", true),
                        new Criterion("speaking", "Speaking in meetings", false)),
                closes,
                closes.plusDays(30),
                "video call",
                2,
                7,
                new Commitment("Monthly surgeries", "12 to 18 days a year", 7, 0),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.dayRate(15000, 7500),
                new EligibilityPolicy(true, 3),
                CONTACT,
                RoleStatus.OPEN);
    }

    public static Role monthly(LocalDate closes) {
        return new Role(
                "monthly-role",
                "Lived experience partner",
                "Thinking group",
                "Example Trust",
                "Improve listening.",
                List.of("Review papers"),
                List.of("Curious people"),
                2,
                null,
                1,
                List.of("LGBT+ communities"),
                List.of(new Criterion("lived", "Recent lived experience", true)),
                closes,
                closes.plusDays(8),
                "video call",
                2,
                5,
                new Commitment("Monthly 1-hour meeting", "Up to 4 hours a month", 0, 80),
                new Tenure(0, 0, 0, 4, closes.plusMonths(3)),
                PaymentModel.monthlyFixed(7500, 4),
                EligibilityPolicy.standard(),
                CONTACT,
                RoleStatus.OPEN);
    }

    public static Role unpaid(LocalDate closes) {
        return new Role(
                "unpaid-role",
                "Lay partner",
                "Voices group",
                "Example Trust",
                "Bring family views.",
                List.of(),
                List.of(),
                3,
                null,
                0,
                List.of(),
                List.of(new Criterion("experience", "Recent experience", true)),
                closes,
                closes.plusDays(14),
                "video call",
                2,
                5,
                new Commitment("Bi-monthly", "3 hours", 0, 80),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.unpaid(),
                EligibilityPolicy.standard(),
                CONTACT,
                RoleStatus.OPEN);
    }

    /** The day-rate role with another contact, tenure and payment, for the wording that depends on them. */
    public static Role with(Contact contact, Tenure tenure, PaymentModel payment) {
        Role r = dayRate(LocalDate.of(2030, 1, 10));
        return new Role(
                r.id(),
                r.title(),
                r.programme(),
                r.organisation(),
                r.summary(),
                r.whatTheRoleDoes(),
                r.whoWeAreLookingFor(),
                r.places(),
                r.placesNote(),
                r.priorityPlaces(),
                r.priorityCommunities(),
                r.criteria(),
                r.closingDate(),
                r.interviewWeekCommencing(),
                r.interviewFormat(),
                r.referencesRequired(),
                r.acknowledgementDays(),
                r.commitment(),
                tenure,
                payment,
                r.eligibility(),
                contact,
                r.status());
    }

    /** {@code r} under another id: a role a test names. */
    public static Role withId(Role r, String id) {
        return new Role(
                id,
                r.title(),
                r.programme(),
                r.organisation(),
                r.summary(),
                r.whatTheRoleDoes(),
                r.whoWeAreLookingFor(),
                r.places(),
                r.placesNote(),
                r.priorityPlaces(),
                r.priorityCommunities(),
                r.criteria(),
                r.closingDate(),
                r.interviewWeekCommencing(),
                r.interviewFormat(),
                r.referencesRequired(),
                r.acknowledgementDays(),
                r.commitment(),
                r.tenure(),
                r.payment(),
                r.eligibility(),
                r.contact(),
                r.status());
    }

    /** {@code r} with {@code places} places, for the rules that depend on a place being free. */
    public static Role withPlaces(Role r, int places) {
        return new Role(
                r.id(),
                r.title(),
                r.programme(),
                r.organisation(),
                r.summary(),
                r.whatTheRoleDoes(),
                r.whoWeAreLookingFor(),
                places,
                r.placesNote(),
                r.priorityPlaces(),
                r.priorityCommunities(),
                r.criteria(),
                r.closingDate(),
                r.interviewWeekCommencing(),
                r.interviewFormat(),
                r.referencesRequired(),
                r.acknowledgementDays(),
                r.commitment(),
                r.tenure(),
                r.payment(),
                r.eligibility(),
                r.contact(),
                r.status());
    }

    /** {@code r} asking for {@code references} referees, for the rules that depend on how many. */
    public static Role withReferences(Role r, int references) {
        return new Role(
                r.id(),
                r.title(),
                r.programme(),
                r.organisation(),
                r.summary(),
                r.whatTheRoleDoes(),
                r.whoWeAreLookingFor(),
                r.places(),
                r.placesNote(),
                r.priorityPlaces(),
                r.priorityCommunities(),
                r.criteria(),
                r.closingDate(),
                r.interviewWeekCommencing(),
                r.interviewFormat(),
                references,
                r.acknowledgementDays(),
                r.commitment(),
                r.tenure(),
                r.payment(),
                r.eligibility(),
                r.contact(),
                r.status());
    }

    /** The test contact without a telephone number. */
    public static final Contact CONTACT_WITHOUT_PHONE =
            new Contact(
                    "Test Contact",
                    "team@example.org",
                    "",
                    "team@example.org",
                    "advice@example.org");
}
