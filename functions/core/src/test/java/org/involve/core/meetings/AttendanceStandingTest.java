package org.involve.core.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.role.Commitment;
import org.junit.jupiter.api.Test;

class AttendanceStandingTest {
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final Commitment SEVEN_A_YEAR = new Commitment("Monthly", "12 days", 7, 0);
    static final Commitment EIGHTY_PERCENT = new Commitment("Monthly", "4 hours", 0, 80);
    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);

    /** One mark a month going back from TODAY: the first in the list is the latest. */
    static List<Attendance> marks(AttendanceMark... marks) {
        List<Attendance> out = new ArrayList<>();
        for (int i = 0; i < marks.length; i++) {
            LocalDate day = TODAY.minusMonths(i);
            out.add(
                    new Attendance(
                            "m" + i,
                            "a1",
                            "scg",
                            day,
                            marks[i],
                            marks[i] == AttendanceMark.ATTENDED ? 120 : 0,
                            "staff-0001",
                            Instant.EPOCH,
                            1));
        }
        return out;
    }

    static AttendanceMark[] of(int attended, int apologies, int absent) {
        List<AttendanceMark> l = new ArrayList<>();
        for (int i = 0; i < attended; i++) l.add(AttendanceMark.ATTENDED);
        for (int i = 0; i < apologies; i++) l.add(AttendanceMark.APOLOGIES);
        for (int i = 0; i < absent; i++) l.add(AttendanceMark.ABSENT);
        return l.toArray(AttendanceMark[]::new);
    }

    @Test
    void sevenMeetingsAYearIsEnoughAndSixIsBelow() {
        AttendanceStanding seven =
                AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, marks(of(7, 0, 5)), TODAY);
        assertFalse(seven.below());
        assertEquals(7, seven.required());
        assertEquals(AttendanceStanding.Kind.COUNT, seven.kind());

        AttendanceStanding six =
                AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, marks(of(6, 0, 6)), TODAY);
        assertTrue(six.below());
    }

    @Test
    void apologiesAreCountedAndShownButAreNotAttendance() {
        AttendanceStanding s =
                AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, marks(of(6, 6, 0)), TODAY);
        assertTrue(s.below());
        assertEquals(6, s.apologies());
        assertEquals(0, s.absent());

        AttendanceStanding p =
                AttendanceStanding.of(EIGHTY_PERCENT, LONG_AGO, marks(of(7, 3, 0)), TODAY);
        assertTrue(p.below(), "7 of 10 is 70%, apologies or not");
    }

    @Test
    void eightyPercentIsEnoughAndJustUnderIsBelow() {
        AttendanceStanding eight =
                AttendanceStanding.of(EIGHTY_PERCENT, LONG_AGO, marks(of(8, 1, 1)), TODAY);
        assertFalse(eight.below());
        assertEquals(80, eight.percent());
        assertEquals(AttendanceStanding.Kind.PERCENT, eight.kind());

        // 11 of 14 is 78.6%: below, though it rounds to 79
        List<Attendance> many = new ArrayList<>(marks(of(11, 0, 1)));
        many.add(
                new Attendance(
                        "x1",
                        "a1",
                        "scg",
                        TODAY.minusDays(3),
                        AttendanceMark.ABSENT,
                        0,
                        "s",
                        Instant.EPOCH,
                        1));
        many.add(
                new Attendance(
                        "x2",
                        "a1",
                        "scg",
                        TODAY.minusDays(4),
                        AttendanceMark.APOLOGIES,
                        0,
                        "s",
                        Instant.EPOCH,
                        1));
        assertTrue(AttendanceStanding.of(EIGHTY_PERCENT, LONG_AGO, many, TODAY).below());
    }

    @Test
    void onlyTheLast12MonthsCount() {
        // 12 monthly marks from TODAY back: the 13th (a year ago today) is outside the window
        List<Attendance> l = new ArrayList<>(marks(of(6, 0, 6)));
        l.add(
                new Attendance(
                        "old",
                        "a1",
                        "scg",
                        TODAY.minusYears(1),
                        AttendanceMark.ATTENDED,
                        60,
                        "s",
                        Instant.EPOCH,
                        1));
        l.add(
                new Attendance(
                        "future",
                        "a1",
                        "scg",
                        TODAY.plusDays(1),
                        AttendanceMark.ATTENDED,
                        60,
                        "s",
                        Instant.EPOCH,
                        1));
        AttendanceStanding s = AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, l, TODAY);
        assertEquals(6, s.attended());
        assertTrue(s.below());
        assertEquals(LocalDate.of(2026, 3, 2), AttendanceStanding.windowStart(TODAY));
    }

    @Test
    void aCountIsAskedProRataForSomeoneNewAndNeverMoreThanTheMeetingsTheyWereAskedTo() {
        // in the role for about half the year: 7 * 182/365 = 3.49, so 3
        LocalDate start = TODAY.minusDays(181);
        AttendanceStanding three =
                AttendanceStanding.of(SEVEN_A_YEAR, start, marks(of(3, 0, 3)), TODAY);
        assertEquals(3, three.required());
        assertFalse(three.below());
        assertTrue(AttendanceStanding.of(SEVEN_A_YEAR, start, marks(of(2, 1, 3)), TODAY).below());

        // the group met only 5 times: 5 attended is enough
        AttendanceStanding five =
                AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, marks(of(5, 0, 0)), TODAY);
        assertEquals(5, five.required());
        assertFalse(five.below());
    }

    @Test
    void nobodyIsBelowWithNothingRecordedOrNoMinimum() {
        assertFalse(AttendanceStanding.of(SEVEN_A_YEAR, LONG_AGO, List.of(), TODAY).below());
        assertFalse(AttendanceStanding.of(EIGHTY_PERCENT, LONG_AGO, List.of(), TODAY).below());
        AttendanceStanding none =
                AttendanceStanding.of(
                        new Commitment("", "", 0, 0), LONG_AGO, marks(of(0, 0, 12)), TODAY);
        assertFalse(none.below());
        assertEquals(AttendanceStanding.Kind.NONE, none.kind());
    }
}
