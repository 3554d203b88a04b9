package org.involve.core.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.involve.core.kit.ClosingTime;
import org.involve.core.partners.Partner;

/**
 * The meetings a partner was invited to for their appointment, as their "your involvement" page lists them: those still
 * to come (soonest first, changed ones with their new details, cancelled ones marked) and then those of the last 12
 * months (latest first) with what staff recorded for them. Reads the role's meetings (a query on the role index) and,
 * for each past meeting held, its attendance (a query on its key): never a scan.
 */
public final class PartnerMeetings {
    private final Meetings meetings;
    private final Clock clock;

    public PartnerMeetings(Meetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    /** One meeting as the partner sees it, with their attendance (null when none recorded or not held). */
    public record Item(Meeting meeting, Attendance attendance) {
        public boolean cancelled() {
            return meeting.cancelled();
        }

        /** Staff changed its details since they planned it (and did not cancel it). */
        public boolean changed() {
            return !meeting.cancelled() && meeting.version() > 1;
        }
    }

    /** Upcoming ones soonest first; past ones (of the last 12 months) latest first. */
    public record Listing(List<Item> upcoming, List<Item> past) {
        public Listing {
            upcoming = List.copyOf(upcoming);
            past = List.copyOf(past);
        }

        public boolean isEmpty() {
            return upcoming.isEmpty() && past.isEmpty();
        }
    }

    public Listing of(Partner p) {
        var a = p.appointment();
        return of(meetings.forRole(a.roleId()), meetings::attendanceAt, a.id(), clock.instant());
    }

    /**
     * A meeting is upcoming until it ends (its start plus its length); past once it has ended, and listed while its day
     * is within the 12 months to today. Only meetings the appointment was invited to; attendance is read only for past
     * meetings that were held.
     */
    static Listing of(
            List<Meeting> roleMeetings,
            Function<String, List<Attendance>> attendanceAt,
            String appointmentId,
            Instant now) {
        LocalDate from = AttendanceStanding.windowStart(now.atZone(ClosingTime.UK).toLocalDate());
        List<Item> upcoming = new ArrayList<>(), past = new ArrayList<>();
        for (Meeting m : roleMeetings) {
            if (!m.isInvited(appointmentId)) continue;
            boolean ended = !m.startsAt().plusSeconds(m.minutes() * 60L).isAfter(now);
            if (!ended) upcoming.add(new Item(m, null));
            else if (!m.date().isBefore(from))
                past.add(
                        new Item(
                                m,
                                m.cancelled()
                                        ? null
                                        : attendanceAt.apply(m.id()).stream()
                                                .filter(
                                                        x ->
                                                                x.appointmentId()
                                                                        .equals(appointmentId))
                                                .findFirst()
                                                .orElse(null)));
        }
        Comparator<Item> soonest = Comparator.comparing(i -> i.meeting().startsAt());
        upcoming.sort(soonest);
        past.sort(soonest.reversed());
        return new Listing(upcoming, past);
    }
}
