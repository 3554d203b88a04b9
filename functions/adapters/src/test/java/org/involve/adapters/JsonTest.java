package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.involve.adapters.internal.Json;
import org.involve.core.application.Application;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void coreRecordsComeBackAsTheyWent() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8));
        Application app = Samples.application(role.id(), "key");
        ApplicationDraft draft = Samples.draft(role.id());
        assertEquals(role, Json.read(Json.write(role), Role.class));
        assertEquals(app, Json.read(Json.write(app), Application.class));
        assertEquals(draft, Json.read(Json.write(draft), ApplicationDraft.class));
    }

    @Test
    void datesAreWrittenAsIsoStrings() {
        String json = Json.write(Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8)));
        assertTrue(json.contains("\"closingDate\":\"2024-12-08\""), json);
    }

    @Test
    void onlyRecordComponentsAreWrittenNotHelpers() {
        String json =
                Json.write(Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8)).payment());
        assertFalse(json.contains("paid"), json);
    }

    @Test
    void propertiesAnOlderOrNewerVersionWroteAreIgnored() {
        String json =
                Json.write(Samples.draft("role-a")).replaceFirst("\\{", "{\"retiredField\":42,");
        assertEquals("role-a", Json.read(json, ApplicationDraft.class).roleId());
    }

    @Test
    void aFailureToReadDoesNotQuoteTheData() {
        String json = "{\"id\":\"d\",\"startedAt\":\"alex@example.org\"}";
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> Json.read(json, ApplicationDraft.class));
        assertFalse(e.getMessage().contains("alex@example.org"), e.getMessage());
    }
}
