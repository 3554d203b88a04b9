package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayrollCsvTest {
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);

    static PaymentRecord payment(String claim, String appt, long involvement, long expenses) {
        return new PaymentRecord(
                claim,
                appt,
                "scg",
                involvement,
                List.of(),
                0,
                expenses,
                0,
                DAY,
                DAY.plusDays(7),
                Instant.EPOCH);
    }

    @Test
    void involvementPaymentsAreTaxableRowsApartFromExpenses() {
        String csv =
                PayrollCsv.of(
                        List.of(
                                payment("claim-1", "a1", 15000, 2894),
                                payment("claim-2", "a2", 0, 450), // declined payment: expenses only
                                payment("claim-3", "a1", 7500, 0)),
                        Map.of("a1", "PR-1001", "a2", "PR-1002"));
        assertEquals(
                String.join(
                        "\r\n",
                        PayrollCsv.HEADER,
                        "PR-1001,involvement_payment,yes,150.00,2027-03-03,2027-03-10,claim-1",
                        "PR-1001,expenses,no,28.94,2027-03-03,2027-03-10,claim-1",
                        "PR-1002,expenses,no,4.50,2027-03-03,2027-03-10,claim-2",
                        "PR-1001,involvement_payment,yes,75.00,2027-03-03,2027-03-10,claim-3",
                        ""),
                csv);
    }

    @Test
    void aPaymentWithoutAPayrollReferenceIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PayrollCsv.of(List.of(payment("claim-1", "a9", 100, 0)), Map.of()));
    }

    @ParameterizedTest(name = "{0}p is {1}")
    @CsvSource({"15000, 150.00", "5, 0.05", "0, 0.00", "123456, 1234.56", "100, 1.00"})
    void amountsArePoundsWithTwoDecimals(long pence, String pounds) {
        assertEquals(pounds, PayrollCsv.pounds(pence));
    }

    @Test
    void cellsAreQuotedAndNeverReadAsFormulas() {
        assertEquals("'=SUM(A1)", PayrollCsv.cell("=SUM(A1)"));
        assertEquals("'+44", PayrollCsv.cell("+44"));
        assertEquals("\"a,b\"", PayrollCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", PayrollCsv.cell("say \"hi\""));
        assertEquals("\"'-1,2\"", PayrollCsv.cell("-1,2"));
        assertEquals("PR-1", PayrollCsv.cell("PR-1"));
    }
}
