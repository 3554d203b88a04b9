package org.involve.core.role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.kit.Read;

/**
 * Open roles as this warm container read them a moment ago, so that the steps which only keep a draft (starting an
 * application, saving a section) need not read the role again on every request.
 *
 * <p>What stays exact: a copy is handed out only while the role still accepts applications by the clock now (its
 * closing time is checked on every use, and an open role's closing date only ever moves later, so a copy never closes
 * later than the stored role); only roles that were open when read are kept (never a missing, draft, withdrawn or
 * closed one, so the number kept is at most the roles open, whatever addresses are asked for); a copy is at most
 * {@link #MAX_AGE} old. What may lag, by at most {@link #MAX_AGE}: a role staff have just withdrawn or edited. That
 * lag reaches only drafts: sending an application reads the role itself (see {@code ApplicationJourney#submit}), and
 * checks every answer against it again, so no application is ever accepted from a stale copy.
 */
public final class RecentRoles {
    /** How old a copy may be: the longest a withdrawal or an edit takes to reach the draft steps of a warm container. */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);

    /** More open roles than this at once is not expected; past it the copies are dropped and read again. */
    static final int MOST_KEPT = 200;

    private record Copy(Role role, Instant readAt) {}

    private final RoleReader roles;
    private final Clock clock;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();

    public RecentRoles(RoleReader roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    /**
     * The role: a copy read at most {@link #MAX_AGE} ago while it accepts applications now, or else read (as {@link
     * Read#EVENTUAL}, as the public pages read roles), and kept if it accepts applications now. The caller still
     * decides from what it gets whether the role is published and open (a copy always is).
     */
    public Optional<Role> find(String roleId) {
        Instant now = clock.instant();
        Copy copy = copies.get(roleId);
        if (copy != null && fresh(copy, now) && copy.role().acceptsApplicationsAt(now))
            return Optional.of(copy.role());
        Optional<Role> found = roles.find(roleId, Read.EVENTUAL);
        if (found.isPresent() && found.get().acceptsApplicationsAt(now)) {
            if (copies.size() >= MOST_KEPT) copies.clear();
            copies.put(roleId, new Copy(found.get(), now));
        } else {
            copies.remove(roleId);
        }
        return found;
    }

    /** Read no longer ago than {@link #MAX_AGE}, and not in the future (a clock set back). */
    private static boolean fresh(Copy copy, Instant now) {
        return !now.isBefore(copy.readAt()) && now.isBefore(copy.readAt().plus(MAX_AGE));
    }
}
