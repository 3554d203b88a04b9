package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Email;
import org.involve.core.outbox.OutboxMessage;

/**
 * Every e-mail shortlisting sends to staff (see application.StaffLetterSamples), its staff site {@link #STAFF_SITE}
 * as the fixture's. "Ready for scoring" goes to the role's team address today (issue 8, item 10 changes who gets it).
 */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Map<String, Email> out = new LinkedHashMap<>();
        ShortlistFixture f = new ShortlistFixture(2, 0);
        Instant now = Instant.parse("2025-01-21T10:00:00Z");
        out.put(
                "shortlistRecorded",
                f.recording
                        .recordedMessage(
                                f.role,
                                new ShortlistDecision(
                                        f.role.id(),
                                        List.of(f.id(f.zebedee)),
                                        "staff-0001",
                                        now,
                                        false,
                                        ""),
                                2,
                                now)
                        .email());
        out.put(
                "readyForScoring",
                new ReadyForScoring(STAFF_SITE)
                        .toMember(
                                f.role,
                                org.involve.core.staff.PanelMember.of(
                                        org.involve.core.fakes.TestStaff.PANEL_A),
                                now)
                        .email());
        out.put("panelNeeded", new ReadyForScoring(STAFF_SITE).panelNeeded(f.role, now).email());
        f.score(org.involve.core.fakes.TestStaff.PANEL_A, f.zebedee, 2, 2, 2);
        f.score(org.involve.core.fakes.TestStaff.PANEL_A, f.orlaith, 2, 2, 2);
        f.score(org.involve.core.fakes.TestStaff.PANEL_A, f.perpetua, 2, 2, 2);
        OutboxMessage scored =
                f.outbox.messages().stream()
                        .filter(m -> m.purpose().equals("panel-scored"))
                        .findFirst()
                        .orElseThrow();
        out.put("panelScored", scored.email());
        return out;
    }
}
