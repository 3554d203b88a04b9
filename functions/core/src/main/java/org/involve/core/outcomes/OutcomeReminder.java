package org.involve.core.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The weekly job: tells each closed (or withdrawn) role's team how many of its applicants have not heard their outcome,
 * each with what to do next and a link to the page that does it. It reads the roles that owe outcomes (by their
 * status) and, of those roles only, the applications still awaiting one ({@link AwaitingOutcomes}), so a run costs
 * what is owed, not every application kept nor those of rounds still open. One e-mail per role per UK week (Monday to
 * Sunday in Europe/London), however often it runs.
 */
public final class OutcomeReminder {
    private final RoleReader roles;
    private final AwaitingOutcomes awaiting;
    private final OutboxWriter outbox;
    private final OutcomeLetters letters;

    public OutcomeReminder(
            RoleReader roles,
            AwaitingOutcomes awaiting,
            OutboxWriter outbox,
            OutcomeLetters letters) {
        this.roles = roles;
        this.awaiting = awaiting;
        this.outbox = outbox;
        this.letters = letters;
    }

    /** @param waiting applicants still to hear, by role id; {@code messageIds} the reminders written by this run */
    public record Result(Map<String, Integer> waiting, List<String> messageIds) {}

    public Result run(Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Role> rolesById = new LinkedHashMap<>();
        Map<String, List<org.involve.core.application.Application>> byRole = new LinkedHashMap<>();
        for (Outcomes.Waiting w : Outcomes.waiting(roles, awaiting, now)) {
            counts.merge(w.role().id(), 1, Integer::sum);
            rolesById.putIfAbsent(w.role().id(), w.role());
            byRole.computeIfAbsent(w.role().id(), k -> new ArrayList<>()).add(w.application());
        }
        String week = week(now);
        List<String> written = new ArrayList<>();
        byRole.forEach(
                (roleId, waiting) -> {
                    OutboxMessage m = letters.reminder(rolesById.get(roleId), waiting, week, now);
                    if (outbox.addOnce(m)) written.add(m.id());
                });
        return new Result(counts, written);
    }

    /** The ISO week of the UK date, e.g. "2025-W13": a run at 00:30 BST on a Monday is in the new week, though it is still Sunday in UTC. */
    public static String week(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ClosingTime.UK);
        return day.get(IsoFields.WEEK_BASED_YEAR)
                + "-W"
                + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
