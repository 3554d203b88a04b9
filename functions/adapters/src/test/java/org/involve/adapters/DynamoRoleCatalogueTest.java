package org.involve.adapters;

import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRoleCatalogueTest {
    private final AwsEnvironment aws;
    private final DynamoRoleCatalogue roles;

    DynamoRoleCatalogueTest(AwsEnvironment aws) {
        this.aws = aws;
        this.roles = new DynamoRoleCatalogue(aws.dynamo(), aws.table("RolesTable"));
    }

    @BeforeEach
    void forgetEarlierCalls() {
        aws.dynamoCalls().clear();
    }

    @Test
    void aSavedRoleIsFoundAsItWasSaved() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2030, 12, 8));
        roles.save(role);
        assertEquals(Optional.of(role), roles.find(role.id()));
    }

    @Test
    void anUnknownRoleIsNotFound() {
        assertEquals(Optional.empty(), roles.find("no-such-role"));
    }

    @Test
    void savingAgainReplacesTheRole() {
        Role role = Samples.role(RoleStatus.DRAFT, LocalDate.of(2030, 12, 8));
        roles.save(role);
        roles.save(role.withStatus(RoleStatus.OPEN));
        assertEquals(RoleStatus.OPEN, roles.find(role.id()).orElseThrow().status());
    }

    @Test
    void publishedListsOnlyOpenRolesSoonestClosingFirstByQueryingTheIndex() {
        Role later = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 3, 1));
        Role soonest = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 1, 15));
        Role latest = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 6, 30));
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 1, 1));
        Role shortlisting = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2031, 1, 2));
        List.of(later, soonest, latest, draft, shortlisting).forEach(roles::save);
        aws.dynamoCalls().clear();

        List<Role> published = roles.published();

        Set<String> mine = Set.of(later.id(), soonest.id(), latest.id(), draft.id(), shortlisting.id());
        assertEquals(List.of(soonest.id(), later.id(), latest.id()),
                published.stream().map(Role::id).filter(mine::contains).toList());
        assertTrue(published.stream().allMatch(r -> r.status() == RoleStatus.OPEN));
        assertEquals(published.stream().sorted(Comparator.comparing(r -> r.closingTime().instant())).toList(), published);
        assertTrue(aws.dynamoCalls().calls().stream().allMatch(call -> call.operation().equals("Query")
                && DynamoRoleCatalogue.BY_STATUS_AND_CLOSING_TIME.equals(call.index())), aws.dynamoCalls().calls()::toString);
    }

    @Test
    void theClosingTimeKeyIsTheUkClosingInstantInUtcInWinterAndSummer() {
        Role winter = Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8));
        Role summer = Samples.role(RoleStatus.OPEN, LocalDate.of(2025, 7, 1));
        roles.save(winter);
        roles.save(summer);
        assertEquals("2024-12-08T23:59:00.000000000Z", closesAt(winter));
        assertEquals("2025-07-01T22:59:00.000000000Z", closesAt(summer));
    }

    private String closesAt(Role role) {
        return aws.dynamo().getItem(r -> r.tableName(aws.table("RolesTable")).key(Items.key("roleId", role.id())))
                .item().get("closesAt").s();
    }
}
