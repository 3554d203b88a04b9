package org.involve.core.shortlisting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Commitment;
import org.involve.core.role.Criterion;
import org.involve.core.role.EligibilityPolicy;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Tenure;
import org.involve.core.staff.StaffMember;

/** A role being shortlisted (two essential criteria, one desirable), its anonymised applicants and a way to score them. */
final class Panel {
    static final Instant AT = Instant.parse("2025-01-21T10:00:00Z");

    static Role role(int places, int priorityPlaces) {
        return new Role(
                "panel-role",
                "Group member",
                "Co-production group",
                "Example Trust",
                "Shape research.",
                List.of(),
                List.of(),
                places,
                null,
                priorityPlaces,
                priorityPlaces > 0 ? List.of("LGBT+ communities") : List.of(),
                List.of(
                        new Criterion("lived", "Recent lived experience", true),
                        new Criterion("teamwork", "Working with others", true),
                        new Criterion("research", "Interest in research", false)),
                LocalDate.of(2025, 1, 20),
                LocalDate.of(2025, 2, 3),
                "video call",
                2,
                7,
                new Commitment("Monthly", "12 days a year", 7, 0),
                new Tenure(2, 2, 1, 4, null),
                PaymentModel.dayRate(15000, 7500),
                EligibilityPolicy.standard(),
                TestRoles.CONTACT,
                RoleStatus.SHORTLISTING);
    }

    static AnonymisedApplication applicant(
            String id, boolean disabilityConfident, boolean priorityConnection) {
        return new AnonymisedApplication(
                id,
                "panel-role",
                List.of(),
                "",
                "",
                "",
                priorityConnection ? "A community group" : "",
                disabilityConfident);
    }

    private final Scoring scoring;
    final List<Score> scores = new ArrayList<>();
    private int tick;

    Panel(Role role) {
        this.scoring = new Scoring(role, ScoreScale.STANDARD);
    }

    /** One panel member's scores for lived, teamwork and research, in that order. */
    Panel scores(
            StaffMember member, AnonymisedApplication app, int lived, int teamwork, int research) {
        scores.add(scoring.score(member, app, "lived", lived, AT.plusSeconds(tick++)));
        scores.add(scoring.score(member, app, "teamwork", teamwork, AT.plusSeconds(tick++)));
        scores.add(scoring.score(member, app, "research", research, AT.plusSeconds(tick++)));
        return this;
    }

    List<ApplicantResult> results(AnonymisedApplication... apps) {
        return scoring.results(List.of(apps), scores);
    }
}
