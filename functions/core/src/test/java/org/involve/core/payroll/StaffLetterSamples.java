package org.involve.core.payroll;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.kit.Email;

/** Every e-mail payroll sends to staff (finance): see application.StaffLetterSamples. */
public final class StaffLetterSamples {
    public static final String STAFF_SITE = "https://staff.example.org";

    private StaffLetterSamples() {}

    public static Map<String, Email> staffLetters() {
        Instant now = Instant.parse("2030-01-20T07:00:00Z");
        PayrollLetters letters =
                new PayrollLetters(TestPartnerLetters.letters(STAFF_SITE), STAFF_SITE);
        PayrollExport e =
                new PayrollExport(
                        "2030-01", now, 3, 2, 22500, 3240, "payroll/2030-01.csv", null, null, 1);
        Map<String, Email> out = new LinkedHashMap<>();
        out.put("exportReady", letters.exportReady(e, "finance@example.org", now).email());
        return out;
    }
}
