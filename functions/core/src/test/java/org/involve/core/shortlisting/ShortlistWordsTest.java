package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** Each wording of the shortlist's warnings and of the team's "shortlist recorded" e-mail. */
class ShortlistWordsTest {
    private final AnonymisedApplication a = Panel.applicant("anon-a", false, true);
    private final AnonymisedApplication b = Panel.applicant("anon-b", false, true);
    private final AnonymisedApplication c = Panel.applicant("anon-c", false, false);

    private List<String> warnings(Role role, List<String> invited) {
        Panel panel = new Panel(role);
        panel.scores(PANEL_A, a, 4, 4, 2)
                .scores(PANEL_B, a, 4, 4, 2)
                .scores(PANEL_A, b, 3, 3, 2)
                .scores(PANEL_B, b, 3, 3, 2)
                .scores(PANEL_A, c, 2, 2, 0)
                .scores(PANEL_B, c, 2, 2, 0);
        return assertInstanceOf(
                        ShortlistDecision.Outcome.Recorded.class,
                        ShortlistDecision.decide(
                                role,
                                panel.results(a, b, c),
                                invited,
                                false,
                                null,
                                STAFF,
                                Panel.AT))
                .warnings();
    }

    @Test
    void eachPriorityWarningSaysHowManyOfThoseInvitedHaveAConnection() {
        assertEquals(
                List.of(
                        "None of the applicants invited have a connection with the priority communities, and the role has 2 places for them.",
                        "You are inviting 1 to interview for 3 places."),
                warnings(Panel.role(3, 2), List.of("anon-c")));
        assertEquals(
                List.of(
                        "Only 1 of the applicants invited has a connection with the priority communities, and the role has 2 places for them."),
                warnings(Panel.role(2, 2), List.of("anon-a", "anon-c")));
        assertEquals(
                List.of(
                        "Only 2 of the applicants invited have a connection with the priority communities, and the role has 3 places for them."),
                warnings(Panel.role(3, 3), List.of("anon-a", "anon-b", "anon-c")));
    }

    @Test
    void invitingFewerThanThePlacesIsAWarning() {
        assertEquals(
                List.of("You are inviting 2 to interview for 3 places."),
                warnings(Panel.role(3, 0), List.of("anon-a", "anon-c")));
    }

    @Test
    void theTeamsEmailSaysOneOrManyAndTheHighVolumeReason() {
        ShortlistFixture f = new ShortlistFixture(2, 0);
        Instant now = Instant.parse("2025-01-21T10:00:00Z");
        OutboxMessage m =
                f.recording.recordedMessage(
                        f.role,
                        new ShortlistDecision(
                                f.role.id(),
                                List.of("anon-a"),
                                "staff-0001",
                                now,
                                true,
                                "140 applications for 2 places"),
                        2,
                        now);
        assertEquals(
                "The shortlist for Group member (Co-production group) is recorded.\n\n"
                        + "- 1 applicant is invited to interview.\n"
                        + "- 2 applicants are not invited. They have not been told yet: they hear with the round's outcomes.\n"
                        + "- This was recorded as a high-volume round: 140 applications for 2 places\n"
                        + "Interviews are planned for the week commencing 3 February 2025. Please set the interview slots so the invitations can go out.\n\n"
                        + "Arrange interviews:\nhttps://staff.example.org/staff/interviews/panel-role\n",
                m.email().text());
    }
}
