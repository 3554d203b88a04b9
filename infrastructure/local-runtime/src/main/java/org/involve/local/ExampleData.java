package org.involve.local;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads the example roles so the site has something to show. The handlers module owns them
 * ({@code org.involve.handlers.local.ExampleRoles.loadInto(DynamoDbClient, Clock)}); they are found by reflection so
 * the runtime still starts, with a warning, while that class does not exist.
 */
public final class ExampleData {
    static final String EXAMPLE_ROLES = "org.involve.handlers.local.ExampleRoles";

    private ExampleData() {}

    /** @return whether example data was loaded */
    public static boolean load(DynamoDbClient client, Clock clock) {
        try {
            Class.forName(EXAMPLE_ROLES)
                    .getMethod("loadInto", DynamoDbClient.class, Clock.class)
                    .invoke(null, client, clock);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.out.println(
                    "WARNING: no example data: "
                            + EXAMPLE_ROLES
                            + ".loadInto(DynamoDbClient, Clock) does not exist yet.");
            return false;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Loading the example data failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(EXAMPLE_ROLES + ".loadInto must be public", e);
        }
    }
}
