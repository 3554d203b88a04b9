package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.junit.jupiter.api.Test;

/** When annual check-ins are due: start anniversaries, 29 February starts, the catch-up days, the index's day keys. */
class CheckInRulesTest {
    static Appointment started(LocalDate start, PartnerStatus status) {
        return new Appointment(
                "appointment-X",
                "role-1",
                "INV-X",
                "person",
                Instant.parse("2024-01-01T00:00:00Z"),
                start,
                start.plusYears(2),
                null,
                start.plusYears(4),
                0,
                PaymentChoice.ACCEPTED,
                false,
                status);
    }

    @Test
    void theFirstCheckInIsOneYearAfterTheStartAndEveryYearAfter() {
        LocalDate start = LocalDate.of(2025, 3, 10);
        assertEquals(LocalDate.of(2026, 3, 10), CheckInRules.anniversary(start, 1));
        assertEquals(LocalDate.of(2027, 3, 10), CheckInRules.anniversary(start, 2));
        assertEquals(0, CheckInRules.yearDue(start, LocalDate.of(2026, 3, 9)));
        assertEquals(1, CheckInRules.yearDue(start, LocalDate.of(2026, 3, 10)));
        assertEquals(1, CheckInRules.yearDue(start, LocalDate.of(2027, 3, 9)));
        assertEquals(2, CheckInRules.yearDue(start, LocalDate.of(2027, 3, 10)));
        assertEquals(0, CheckInRules.yearDue(start, start));
    }

    @Test
    void someoneWhoStartedOn29FebruaryIsAskedOn28FebruaryInOtherYearsAnd29InLeapYears() {
        LocalDate start = LocalDate.of(2024, 2, 29);
        assertEquals(LocalDate.of(2025, 2, 28), CheckInRules.anniversary(start, 1));
        assertEquals(LocalDate.of(2028, 2, 29), CheckInRules.anniversary(start, 4));
        assertEquals(0, CheckInRules.yearDue(start, LocalDate.of(2025, 2, 27)));
        assertEquals(1, CheckInRules.yearDue(start, LocalDate.of(2025, 2, 28)));
        assertEquals(3, CheckInRules.yearDue(start, LocalDate.of(2028, 2, 28)));
        assertEquals(4, CheckInRules.yearDue(start, LocalDate.of(2028, 2, 29)));
        // the index's key is "02-29", and a range ending on 28 February in a year without the 29th
        // takes it
        assertEquals("02-29", CheckInRules.dayKey(start));
        assertEquals(
                List.of(new CheckInRules.KeyRange("02-22", "02-29")),
                CheckInRules.dayKeyRanges(LocalDate.of(2025, 2, 28)));
        assertEquals(
                List.of(new CheckInRules.KeyRange("02-22", "02-28")),
                CheckInRules.dayKeyRanges(LocalDate.of(2028, 2, 28)));
    }

    @Test
    void aCheckInIsAskedOnTheDayOrUpToAWeekLateButNotAfterTheRoleEndsOrForAFormerPartner() {
        LocalDate start = LocalDate.of(2025, 3, 10);
        Appointment a = started(start, PartnerStatus.ACTIVE);
        assertEquals(0, CheckInRules.toAsk(a, LocalDate.of(2026, 3, 9)));
        assertEquals(1, CheckInRules.toAsk(a, LocalDate.of(2026, 3, 10)));
        assertEquals(1, CheckInRules.toAsk(a, LocalDate.of(2026, 3, 16)));
        assertEquals(0, CheckInRules.toAsk(a, LocalDate.of(2026, 3, 17)));
        assertEquals(
                1, CheckInRules.toAsk(started(start, PartnerStatus.PAUSED), start.plusYears(1)));
        assertEquals(
                0, CheckInRules.toAsk(started(start, PartnerStatus.RETIRED), start.plusYears(1)));
        // the second anniversary is the last day of the 2-year term: the tenure review covers it
        assertEquals(0, CheckInRules.toAsk(a, LocalDate.of(2027, 3, 10)));
    }

    @Test
    void theDayKeysCoverTheLastWeekAndSplitAtTheNewYear() {
        assertEquals(
                List.of(new CheckInRules.KeyRange("06-04", "06-10")),
                CheckInRules.dayKeyRanges(LocalDate.of(2026, 6, 10)));
        assertEquals(
                List.of(
                        new CheckInRules.KeyRange("12-29", "12-31"),
                        new CheckInRules.KeyRange("01-01", "01-04")),
                CheckInRules.dayKeyRanges(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void anUnrecordedCheckInIsChasedTwoWeeksAfterAskingOnce() {
        CheckIn c =
                CheckIn.asked(
                        "a", "r", 1, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), true);
        assertEquals(false, CheckInRules.chaseDue(c, LocalDate.of(2026, 3, 23)));
        assertEquals(true, CheckInRules.chaseDue(c, LocalDate.of(2026, 3, 24)));
        assertEquals(
                false,
                CheckInRules.chaseDue(
                        c.chased(LocalDate.of(2026, 3, 24)), LocalDate.of(2026, 4, 1)));
        assertEquals(
                false,
                CheckInRules.chaseDue(
                        c.recorded("Talked", "staff", LocalDate.of(2026, 3, 20)),
                        LocalDate.of(2026, 3, 24)));
    }
}
