package org.involve.local;

import java.net.URI;
import java.util.function.Supplier;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoRoles;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives every role stored before the EveryRoleByClosingTime index its {@code kind}, so the staff pages that list every
 * role (one query of that index) find it. The local runtime runs it on every start, for data kept from an earlier
 * version; an operator runs it once after deploying the index ({@code infrastructure/roles-backfill}). It scans the
 * roles table once, which no function may do; each update is conditional, so running it again changes nothing.
 */
public final class RolesIndexBackfill {
    private RolesIndexBackfill() {}

    /** How many roles were given their {@code kind}. */
    public static int run(DynamoDbClient dynamo, String rolesTable) {
        Supplier<DynamoAuditTrail> noAudit =
                () -> {
                    throw new IllegalStateException("the backfill changes no role");
                };
        DynamoRoles roles = new DynamoRoles(dynamo, rolesTable, null, noAudit);
        int given = 0;
        var unlisted =
                dynamo.scanPaginator(
                                s ->
                                        s.tableName(rolesTable)
                                                .filterExpression(DynamoRoles.STORED_WITHOUT_KIND)
                                                .expressionAttributeNames(DynamoRoles.KIND_NAME)
                                                .projectionExpression("roleId"))
                        .items();
        for (var item : unlisted) if (roles.giveKind(item.get("roleId").s())) given++;
        return given;
    }

    /**
     * {@code --roles-table NAME [--endpoint-url URL]}, with the AWS CLI's credentials and region (the default
     * provider chain: environment, profile, SSO).
     */
    public static void main(String[] args) {
        String table = null;
        URI endpoint = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--roles-table" -> table = args[i + 1];
                case "--endpoint-url" -> endpoint = URI.create(args[i + 1]);
                default -> usage("Unknown option " + args[i]);
            }
        }
        if (table == null || args.length % 2 != 0) usage("Say which table: --roles-table NAME");
        var builder = DynamoDbClient.builder();
        if (endpoint != null) builder.endpointOverride(endpoint);
        try (DynamoDbClient dynamo = builder.build()) {
            System.out.println(
                    "Roles given their place in the every-role index: " + run(dynamo, table) + ".");
        } catch (SdkException e) {
            // No region, no credentials, no such table, no connection: said plainly, without a
            // stack trace.
            System.err.println(
                    "The backfill stopped (run it again once this is put right): "
                            + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println(
                problem
                        + "\nUsage: infrastructure/roles-backfill --roles-table NAME [--endpoint-url URL]");
        System.exit(2);
    }
}
