package org.involve.core.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a partner's page lists of their meetings, and in what order. */
class PartnerMeetingsTest {
    // 10am BST on 1 June 2026
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    static final String ME = "appt-me", OTHER = "appt-other";
    final Map<String, List<Attendance>> marks = new HashMap<>();
    final List<String> read = new ArrayList<>();

    static Meeting meeting(
            String id, LocalDate day, LocalTime time, int minutes, String... invited) {
        return Meeting.planned(
                id,
                "role-1",
                day,
                time,
                minutes,
                "Room 4",
                "",
                "",
                null,
                List.of(invited),
                "staff-1",
                NOW.minusSeconds(86_400 * 400L));
    }

    void mark(Meeting m, String appointmentId, AttendanceMark mark, int minutes) {
        marks.computeIfAbsent(m.id(), k -> new ArrayList<>())
                .add(
                        new Attendance(
                                m.id(),
                                appointmentId,
                                "role-1",
                                m.date(),
                                mark,
                                minutes,
                                "staff-1",
                                NOW,
                                1));
    }

    PartnerMeetings.Listing list(List<Meeting> roleMeetings) {
        return PartnerMeetings.of(
                roleMeetings,
                id -> {
                    read.add(id);
                    return marks.getOrDefault(id, List.of());
                },
                ME,
                NOW);
    }

    static List<String> ids(List<PartnerMeetings.Item> items) {
        return items.stream().map(i -> i.meeting().id()).toList();
    }

    @Test
    void upcomingSoonestFirstThenPastLatestFirstOnlyThoseTheyWereInvitedTo() {
        var later = meeting("later", LocalDate.of(2026, 7, 6), LocalTime.of(18, 30), 90, ME);
        var soon = meeting("soon", LocalDate.of(2026, 6, 8), LocalTime.of(10, 0), 60, ME, OTHER);
        var notMine = meeting("notMine", LocalDate.of(2026, 6, 3), LocalTime.of(10, 0), 60, OTHER);
        var lastMonth = meeting("lastMonth", LocalDate.of(2026, 5, 4), LocalTime.of(10, 0), 60, ME);
        var march = meeting("march", LocalDate.of(2026, 3, 2), LocalTime.of(10, 0), 60, ME);

        var listing = list(List.of(march, notMine, later, lastMonth, soon));

        assertEquals(List.of("soon", "later"), ids(listing.upcoming()));
        assertEquals(List.of("lastMonth", "march"), ids(listing.past()));
        assertFalse(listing.isEmpty());
    }

    @Test
    void aMeetingUnderWayIsStillUpcomingAndOneJustEndedIsPast() {
        // 9am to 11am BST: under way at 10am
        var underWay = meeting("underWay", LocalDate.of(2026, 6, 1), LocalTime.of(9, 0), 120, ME);
        // 8am to 10am BST: ended at 10am
        var ended = meeting("ended", LocalDate.of(2026, 6, 1), LocalTime.of(8, 0), 120, ME);

        var listing = list(List.of(underWay, ended));

        assertEquals(List.of("underWay"), ids(listing.upcoming()));
        assertEquals(List.of("ended"), ids(listing.past()));
    }

    @Test
    void pastMeetingsShowTheirOwnAttendanceAsRecordedOrNoneYet() {
        var attended =
                meeting("attended", LocalDate.of(2026, 5, 4), LocalTime.of(10, 0), 60, ME, OTHER);
        var apologies =
                meeting("apologies", LocalDate.of(2026, 4, 6), LocalTime.of(10, 0), 60, ME, OTHER);
        var notYet =
                meeting("notYet", LocalDate.of(2026, 5, 20), LocalTime.of(10, 0), 60, ME, OTHER);
        mark(attended, OTHER, AttendanceMark.ABSENT, 0);
        mark(attended, ME, AttendanceMark.ATTENDED, 150);
        mark(apologies, ME, AttendanceMark.APOLOGIES, 0);
        mark(notYet, OTHER, AttendanceMark.ATTENDED, 60);

        var past = list(List.of(attended, apologies, notYet)).past();

        assertEquals(List.of("notYet", "attended", "apologies"), ids(past));
        assertNull(past.get(0).attendance());
        assertEquals(AttendanceMark.ATTENDED, past.get(1).attendance().mark());
        assertEquals(150, past.get(1).attendance().minutes());
        assertEquals(AttendanceMark.APOLOGIES, past.get(2).attendance().mark());
    }

    @Test
    void onlyTheLastTwelveMonthsOfPastMeetingsAreListed() {
        var inside = meeting("inside", LocalDate.of(2025, 6, 2), LocalTime.of(10, 0), 60, ME);
        var outside = meeting("outside", LocalDate.of(2025, 6, 1), LocalTime.of(10, 0), 60, ME);

        var listing = list(List.of(inside, outside));

        assertEquals(List.of("inside"), ids(listing.past()));
        assertEquals(List.of("inside"), read);
    }

    @Test
    void
            changedAndCancelledMeetingsAreListedWithTheirNewDetailsAndNoAttendanceIsReadForACancelledOne() {
        var planned = meeting("planned", LocalDate.of(2026, 6, 8), LocalTime.of(10, 0), 60, ME);
        var changed =
                meeting("changed", LocalDate.of(2026, 6, 15), LocalTime.of(10, 0), 60, ME)
                        .changedTo(
                                LocalDate.of(2026, 6, 22),
                                LocalTime.of(14, 0),
                                90,
                                "Room 9",
                                "",
                                "",
                                null);
        var cancelled =
                meeting("cancelled", LocalDate.of(2026, 6, 29), LocalTime.of(10, 0), 60, ME)
                        .cancelledAt(NOW);
        var cancelledPast =
                meeting("cancelledPast", LocalDate.of(2026, 5, 11), LocalTime.of(10, 0), 60, ME)
                        .cancelledAt(NOW.minusSeconds(86_400 * 30L));

        var listing = list(List.of(cancelled, changed, planned, cancelledPast));

        assertEquals(List.of("planned", "changed", "cancelled"), ids(listing.upcoming()));
        var items = listing.upcoming();
        assertFalse(items.get(0).changed() || items.get(0).cancelled());
        assertTrue(items.get(1).changed());
        assertFalse(items.get(1).cancelled());
        assertEquals(LocalDate.of(2026, 6, 22), items.get(1).meeting().date());
        assertEquals("Room 9", items.get(1).meeting().place());
        assertTrue(items.get(2).cancelled());
        assertFalse(items.get(2).changed());
        assertEquals(List.of("cancelledPast"), ids(listing.past()));
        assertTrue(listing.past().get(0).cancelled());
        assertTrue(read.isEmpty());
    }

    @Test
    void nothingListedForAPartnerInvitedToNothing() {
        var notMine = meeting("notMine", LocalDate.of(2026, 6, 3), LocalTime.of(10, 0), 60, OTHER);

        assertTrue(list(List.of(notMine)).isEmpty());
    }
}
