package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;
import org.involve.core.payments.ApprovedClaim.ExpenseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimRulesTest {
    static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
    static final ClaimRules RULES =
            new ClaimRules(
                    LocalDate.of(2026, 1, 5), LocalDate.of(2028, 1, 4), TODAY, 50_000, 10_000);

    @ParameterizedTest(name = "\"{0}\" is {1}p")
    @CsvSource({
        "12.50, 1250",
        "£12.5, 1250",
        "12, 1200",
        "0.05, 5",
        "'£ 1,234.56', 123456",
        "-3.00, -300"
    })
    void amountsAreReadAsPence(String input, long pence) {
        assertEquals(OptionalLong.of(pence), ClaimRules.pence(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"twelve", "12.505", "1e3", "12.50p", "£", "."})
    void whatIsNotAnAmountIsNotRead(String input) {
        assertTrue(ClaimRules.pence(input).isEmpty(), input);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} tenths")
    @CsvSource({"12, 120", "12.5, 125", "0.1, 1", "-4, -40"})
    void milesAreReadToATenth(String input, long tenths) {
        assertEquals(OptionalLong.of(tenths), ClaimRules.tenths(input));
    }

    @Test
    void aGoodExpensePasses() {
        var checked = RULES.expense(ExpenseKind.RAIL, TODAY.minusDays(3), "23.40", "", "r1");
        assertEquals(2340, checked.value().orElseThrow().pence());
        assertTrue(checked.errors().isEmpty());
    }

    @Test
    void negativeAndFutureClaimsAreRefusedInPlainWords() {
        var checked = RULES.expense(ExpenseKind.RAIL, TODAY.plusDays(1), "-5", null, null);
        assertTrue(checked.value().isEmpty());
        Map<String, String> e = checked.errors().asMap();
        assertEquals(
                "The date must be today or in the past. You cannot claim for something that has not happened yet.",
                e.get("date"));
        assertEquals("The amount must be more than £0", e.get("amount"));
        assertEquals(
                "Enter the amount in pounds and pence, for example 12.50",
                RULES.expense(ExpenseKind.RAIL, TODAY, "lots", null, null)
                        .errors()
                        .asMap()
                        .get("amount"));
        assertEquals(
                "The amount must be £500 or less. If it really cost more, call the team.",
                RULES.expense(ExpenseKind.CARE, TODAY, "500.01", null, null)
                        .errors()
                        .asMap()
                        .get("amount"));
    }

    @Test
    void aClaimOutsideThePartnersTimeInTheRoleIsRefused() {
        assertEquals(
                "The date must be while you were in the role, from 5 January 2026 to 4 January 2028",
                RULES.session(LocalDate.of(2026, 1, 4), 60).errors().asMap().get("date"));
        assertTrue(RULES.session(LocalDate.of(2026, 1, 5), 60).value().isPresent());
        ClaimRules ended =
                new ClaimRules(
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        TODAY,
                        50_000,
                        10_000);
        assertTrue(ended.journey(LocalDate.of(2027, 1, 1), Vehicle.BICYCLE, "3").value().isEmpty());
    }

    @Test
    void taxiAndParkingNeedAReason() {
        for (ExpenseKind kind : new ExpenseKind[] {ExpenseKind.TAXI, ExpenseKind.PARKING}) {
            assertEquals(
                    "Tell us why you needed a taxi or parking, for example \"no bus at that time\"",
                    RULES.expense(kind, TODAY, "8", " ", "r").errors().asMap().get("reason"));
            assertEquals(
                    "No bus after 9pm",
                    RULES.expense(kind, TODAY, "8", " No bus after 9pm ", "r")
                            .value()
                            .orElseThrow()
                            .reason());
        }
        assertTrue(
                RULES.expense(ExpenseKind.SUBSISTENCE, TODAY, "6.20", null, "r")
                        .value()
                        .isPresent());
    }

    @Test
    void journeysNeedAVehicleAndSomeMiles() {
        Map<String, String> e = RULES.journey(TODAY, null, "0").errors().asMap();
        assertEquals("Choose how you travelled", e.get("vehicle"));
        assertEquals("Enter the miles as a number, for example 12 or 12.5", e.get("miles"));
        assertEquals(
                "The miles must be 1000 or fewer for one journey",
                RULES.journey(TODAY, Vehicle.CAR_OR_VAN, "1000.1").errors().asMap().get("miles"));
        assertEquals(
                125,
                RULES.journey(TODAY, Vehicle.CAR_OR_VAN, "12.5").value().orElseThrow().tenths());
        assertTrue(RULES.session(TODAY, 0).errors().has("minutes"));
    }
}
