package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.involve.core.staff.Group;
import org.involve.core.staff.PanelGroup;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The PanelGroupTable: the people in the panel group, as they signed in, keyed by {@code group} ("panel") and
 * {@code staffId} (the sign-in service's id), with their name, e-mail address and when they last signed in. The list is
 * one query on the group's key, never a scan. Someone who signs in no longer in the panel group is deleted.
 */
public final class DynamoPanelGroup implements PanelGroup {
    static final String GROUP = "group", STAFF_ID = "staffId";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoPanelGroup(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public List<PanelMember> members() {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .keyConditionExpression("#g = :g")
                                        .expressionAttributeNames(Map.of("#g", GROUP))
                                        .expressionAttributeValues(
                                                Map.of(":g", s(Group.PANEL.claimName()))))
                .items()
                .stream()
                .map(
                        i ->
                                new PanelMember(
                                        string(i, STAFF_ID), string(i, "name"), string(i, "email")))
                .sorted(Comparator.comparing(PanelMember::name).thenComparing(PanelMember::id))
                .toList();
    }

    @Override
    public void signedIn(StaffMember who) {
        if (who.in(Group.PANEL)) {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(
                                            Map.of(
                                                    GROUP,
                                                    s(Group.PANEL.claimName()),
                                                    STAFF_ID,
                                                    s(who.id()),
                                                    "name",
                                                    s(who.displayName()),
                                                    "email",
                                                    s(who.email()),
                                                    "signedInAt",
                                                    time(clock.instant()))));
        } else {
            dynamo.deleteItem(
                    r ->
                            r.tableName(table)
                                    .key(
                                            Map.of(
                                                    GROUP,
                                                    s(Group.PANEL.claimName()),
                                                    STAFF_ID,
                                                    s(who.id()))));
        }
    }
}
