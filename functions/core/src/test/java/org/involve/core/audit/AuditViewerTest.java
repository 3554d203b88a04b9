package org.involve.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.TestStaff;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class AuditViewerTest {
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditViewer viewer = new AuditViewer(trail);

    private void entries(String record, int n) {
        for (int i = 0; i < n; i++)
            trail.append(
                    new AuditEntry(
                            "staff-1",
                            "step " + i,
                            record,
                            Instant.parse("2026-11-02T10:00:00Z").plusSeconds(i),
                            null,
                            "S" + i));
    }

    @Test
    void aRolesApplicationsAndPartnersTrailsAreFoundByTheirIdOrReference() {
        entries("role:day-rate-role", 2);
        entries("application:INV-BCDF-2345", 3);
        entries("appointment:appointment-INV-BCDF-2345", 1);
        var role =
                (AuditViewer.Result.Found)
                        viewer.look(TestStaff.STAFF, Map.of("kind", "role", "id", "day-rate-role"));
        assertEquals(2, role.page().entries().size());
        assertEquals("step 1", role.page().entries().get(0).what(), "newest first");
        var app =
                (AuditViewer.Result.Found)
                        viewer.look(
                                TestStaff.STAFF,
                                Map.of("kind", "application", "id", " inv-bcdf-2345 "));
        assertEquals(3, app.page().entries().size());
        var partner =
                (AuditViewer.Result.Found)
                        viewer.look(
                                TestStaff.STAFF, Map.of("kind", "partner", "id", "INV-BCDF-2345"));
        assertEquals(
                "appointment:appointment-INV-BCDF-2345", partner.page().entries().get(0).record());
    }

    @Test
    void aLongTrailComesAPageAtATime() {
        entries("role:day-rate-role", AuditViewer.PAGE_SIZE + 3);
        var first =
                (AuditViewer.Result.Found)
                        viewer.look(TestStaff.STAFF, Map.of("kind", "role", "id", "day-rate-role"));
        assertEquals(AuditViewer.PAGE_SIZE, first.page().entries().size());
        var second =
                (AuditViewer.Result.Found)
                        viewer.look(
                                TestStaff.STAFF,
                                Map.of(
                                        "kind",
                                        "role",
                                        "id",
                                        "day-rate-role",
                                        "after",
                                        first.page().next()));
        assertEquals(3, second.page().entries().size());
        assertNull(second.page().next());
        assertEquals("step 0", second.page().entries().get(2).what());
    }

    @Test
    void nothingAskedShowsTheFormAndABadQuestionSaysWhatToFix() {
        assertInstanceOf(AuditViewer.Result.Asking.class, viewer.look(TestStaff.STAFF, Map.of()));
        var asking =
                (AuditViewer.Result.Asking)
                        viewer.look(TestStaff.STAFF, Map.of("kind", "role", "id", "role:x*"));
        assertEquals(
                "Enter a role id or reference using only letters, numbers and dashes",
                asking.errors().asMap().get("id"));
        var noKind = (AuditViewer.Result.Asking) viewer.look(TestStaff.STAFF, Map.of("id", "x"));
        assertEquals("Select what you want to look up", noKind.errors().asMap().get("kind"));
    }

    @Test
    void onlyStaffWithTheAuditPermissionMayLook() {
        assertThrows(AccessDenied.class, () -> viewer.look(TestStaff.PANEL_A, Map.of()));
    }
}
