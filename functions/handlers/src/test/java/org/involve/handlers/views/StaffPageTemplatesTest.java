package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.TalkFirstQueue.Held;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The staff page templates escape what applicants typed and keep the markup screen readers and the browser tests rely on. */
class StaffPageTemplatesTest {
    private static final Role ROLE = TestRoles.monthly(LocalDate.of(2025, 12, 8));

    @Test
    void anApplicantsTypedNameIsEscapedAndTheActionColumnIsNamedForScreenReaders() {
        Application a =
                TestApplications.submitted(
                        ROLE,
                        "INV-TEST-0001",
                        Instant.parse("2025-11-01T10:00:00Z"),
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "<script>alert('x')</script>",
                                ApplicationForm.CONTACT_METHOD,
                                "post"));
        String page =
                StaffApplicationPages.heldQueue(
                        TestStaff.STAFF,
                        List.of(new Held(ROLE, a, List.of("a charity trustee"))),
                        null);
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(
                page.contains(
                        "<a href=\"/staff/applications/INV-TEST-0001\">INV-TEST-0001</a><br>&lt;script&gt;"),
                page);
        assertTrue(
                page.contains(
                        "<th scope=\"col\" class=\"nhsuk-table__header\"><span class=\"nhsuk-u-visually-hidden\">Action</span></th>"),
                page);
        assertTrue(
                page.contains("<p class=\"nhsuk-body-s\">Address: "),
                "post was asked for, so the address comes first: " + page);
    }

    @Test
    void theRolePagesShowTheStatusTagAndCountApplicationsInWords() {
        String withdraw = StaffRolePages.confirmWithdraw(TestStaff.STAFF, ROLE, 1);
        assertTrue(
                withdraw.contains(
                        "<p>Withdrawing takes the role off the public site and stops applications. It has 1 application: tell the applicants yourself.</p>"),
                withdraw);
        assertTrue(
                withdraw.contains("<button class=\"nhsuk-button nhsuk-button--warning\""),
                withdraw);
        String role = StaffRolePages.role(TestStaff.STAFF, ROLE, 0, null, null);
        assertTrue(
                role.contains(
                        "<p><strong class=\"nhsuk-tag nhsuk-tag--"
                                + (ROLE.status().name().equals("DRAFT")
                                        ? "grey\">Draft"
                                        : "green\">Open")
                                + "</strong></p>"),
                role);
    }
}
