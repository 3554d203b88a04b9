package org.involve.handlers.views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.involve.handlers.local.LocalClock;

/**
 * The staff session as the page being drawn sees it: when the signed-in person's session ends and the page they are
 * on. StaffRequest records it for each staff request (one request at a time per thread, as Lambda runs them), and the
 * staff layout reads it: in the last {@link #WARN_BEFORE} it shows a banner with the time the session ends and a "Stay
 * signed in" link that goes through sign-in and comes back to the same page. It works without JavaScript.
 */
public final class StaffSession {
    /** How long before the end of a session every staff page warns of it. */
    public static final Duration WARN_BEFORE = Duration.ofMinutes(15);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A staff page to come back to: /staff or a path under it of plain segments, nothing that leaves the site. */
    private static final Pattern RETURN = Pattern.compile("/staff(/[A-Za-z0-9._~-]+)*");

    private static final ThreadLocal<Seen> CURRENT = new ThreadLocal<>();

    private record Seen(Instant expires, String page) {}

    /** What the layout shows about the session: the time it ends (null until the warning is due) and the stay link. */
    public record Shown(String endsAt, String stayHref) {}

    private StaffSession() {}

    /** Called for each staff request: when its session ends (null if unknown) and the page (null if not a GET). */
    public static void seen(Instant expires, String page) {
        CURRENT.set(new Seen(expires, page));
    }

    /** Forgets the request (a request with no signed-in person). */
    public static void forget() {
        CURRENT.remove();
    }

    /** For the layout of a signed-in person's page: never null. */
    public static Shown shown() {
        return shown(LocalClock.chosen().orElseGet(Clock::systemUTC).instant());
    }

    static Shown shown(Instant now) {
        Seen seen = CURRENT.get();
        String page = seen == null ? null : seen.page();
        String stay = signInReturningTo(page);
        if (seen == null
                || seen.expires() == null
                || now.isBefore(seen.expires().minus(WARN_BEFORE))) return new Shown(null, stay);
        return new Shown(
                org.involve.core.kit.UkTime.clock(seen.expires().atZone(LONDON).toLocalTime()),
                stay);
    }

    /** The sign-in address that comes back to {@code page} (when it is a safe staff page) after signing in. */
    public static String signInReturningTo(String page) {
        String back = safeReturn(page);
        return back.equals("/staff")
                ? "/staff/sign-in"
                : "/staff/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    /**
     * Where sign-in may send someone back to: {@code page} if it is a staff page (no other site, no query, not the
     * sign-in pages themselves), otherwise the staff home page.
     */
    public static String safeReturn(String page) {
        if (page == null
                || page.length() > 300
                || !RETURN.matcher(page).matches()
                || page.contains("/.")) return "/staff";
        if (page.startsWith("/staff/sign-in")
                || page.startsWith("/staff/callback")
                || page.startsWith("/staff/sign-out")
                || page.startsWith("/staff/session-ended")) return "/staff";
        return page;
    }
}
