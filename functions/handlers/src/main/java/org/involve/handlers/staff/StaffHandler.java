package org.involve.handlers.staff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.staff.Permission;
import org.involve.handlers.LogContext;
import org.involve.handlers.Priming;
import org.involve.handlers.http.Routes;

/**
 * The shape of every staff area's handler: read the signed-in person, refuse a form posted from another website
 * ({@link org.involve.handlers.http.WebRequest#requireOwnSite}), check the area's permission, find the route
 * in the area's table and answer it; every refusal becomes a staff page in {@link StaffErrors}. An area gives its
 * function's name (for logs), its permission and its route table, and only the methods that answer routes:
 * <pre>
 *   public class StaffThingsHandler extends StaffHandler&lt;StaffThingsHandler&gt; {
 *       static final Routes&lt;StaffThingsHandler, StaffRequest&gt; ROUTES = Routes.&lt;StaffThingsHandler, StaffRequest&gt;table()
 *               .get(StaffPaths.THINGS, StaffThingsHandler::list);
 *       ...
 *       super("staff-things", Permission.MANAGE_THINGS, ROUTES);
 * </pre>
 * A core {@link Refused} shows the area's {@link #refused} page (by default a message page), with 409.
 *
 * @param <H> the area's handler itself, whose methods the route table names
 */
public abstract class StaffHandler<H extends StaffHandler<H>>
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String function;
    private final Optional<Permission> permission;
    private final Routes<H, StaffRequest> routes;

    /** An area where every page needs {@code permission}; core checks it again on every action. */
    protected StaffHandler(String function, Permission permission, Routes<H, StaffRequest> routes) {
        this(function, Optional.of(permission), routes);
    }

    /** An area open to any signed-in person whose pages need different permissions, which core checks on each. */
    protected StaffHandler(String function, Routes<H, StaffRequest> routes) {
        this(function, Optional.empty(), routes);
    }

    private StaffHandler(
            String function, Optional<Permission> permission, Routes<H, StaffRequest> routes) {
        this.function = function;
        this.permission = permission;
        this.routes = routes;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(
            APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(event, context);
        return LogContext.answered(event, guarded(event));
    }

    private APIGatewayV2HTTPResponse guarded(APIGatewayV2HTTPEvent event) {
        return StaffErrors.guard(
                event,
                function,
                req -> {
                    req.web().requireOwnSite();
                    permission.ifPresent(req::require);
                    Routes.Action<H, StaffRequest> action =
                            routes.find(req.web().routeKey())
                                    .orElseThrow(() -> new NotFound("route"));
                    try {
                        return action.answer(self(), req);
                    } catch (Refused e) {
                        return refused(req, e);
                    }
                });
    }

    /**
     * SnapStart priming (see {@link org.involve.handlers.Priming}): every GET of the area as a signed-in member of
     * every group, each id one that is not there: the SDK's reads, Jackson, the area's pages and its "not found"
     * page. Pages only read: nothing is written.
     */
    public void prime() {
        for (APIGatewayV2HTTPEvent get : Priming.gets(routes.keys()))
            handleRequest(Priming.asStaff(get), null);
    }

    /** The page a refusal shows (409): the area's own page with the reason on it, or by default a message page. */
    protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
        return StaffErrors.refused(req.member(), refusal);
    }

    @SuppressWarnings("unchecked")
    private H self() {
        return (H) this;
    }
}
