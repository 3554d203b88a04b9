package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.involve.core.paths.PublicPaths;
import org.involve.core.paths.StaffPaths;
import org.junit.jupiter.api.Test;

class PathTest {
    @Test
    void fillsEachPlaceholderInOrder() {
        assertEquals(
                "/staff/references/scg-member/INV-BCDF-2345",
                StaffPaths.REFERENCE_CANDIDATE.fill("scg-member", "INV-BCDF-2345"));
        assertEquals(List.of("roleId", "reference"), StaffPaths.REFERENCE_CANDIDATE.parameters());
        assertEquals(
                "/staff/references/{roleId}/{reference}",
                StaffPaths.REFERENCE_CANDIDATE.template());
        assertEquals("/interview/abc_DEF-12.x9", PublicPaths.BOOKING.fill("abc_DEF-12.x9"));
        assertEquals("/", PublicPaths.HOME.fill());
    }

    @Test
    void aValueCannotAddASegmentOrAQuery() {
        assertEquals("/roles/a%2F..%2Fb%3Fx%3D1%20%C3%A9", PublicPaths.ROLE.fill("a/../b?x=1 é"));
    }

    @Test
    void refusesTheWrongNumberOfValuesOrAnEmptyOne() {
        assertThrows(IllegalArgumentException.class, () -> StaffPaths.ROLE.fill());
        assertThrows(IllegalArgumentException.class, () -> StaffPaths.ROLE.fill("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> StaffPaths.ROLE.fill(""));
        assertThrows(IllegalArgumentException.class, () -> StaffPaths.ROLE.fill((String) null));
    }

    @Test
    void refusesATemplateApiGatewayWouldNotRoute() {
        assertThrows(IllegalArgumentException.class, () -> Path.of("roles"));
        assertThrows(IllegalArgumentException.class, () -> Path.of("/roles/"));
        assertThrows(IllegalArgumentException.class, () -> Path.of("/roles/{role id}"));
        assertEquals("/staff/{proxy+}", StaffPaths.ANYTHING_ELSE.template());
    }

    @Test
    void theMonitoringLinkCarriesItsQueryEncoded() {
        assertEquals(
                "/monitoring?role=scg-member&token=a%2Bb%3D",
                PublicPaths.monitoringForm("scg-member", "a+b="));
    }
}
