package org.involve.handlers.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.function.Function;
import org.involve.core.kit.Busy;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.BadRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.StaffPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a staff refusal becomes a page: reads the signed-in person (401 page without one), runs the action,
 * and turns every refusal into a staff page with the right status: AccessDenied 403, core's NotFound 404, core's
 * Refused 409 (its words on a message page, unless the area's {@link StaffHandler#refused} shows its own), BadRequest
 * its own, Busy (the store could not take the change just now; nothing saved) 503 "try again", any other fault 500. Logs carry the route and the kind of fault, never names, answers or tokens.
 */
public final class StaffErrors {
    private static final Logger LOG = LoggerFactory.getLogger(StaffErrors.class);
    private static final Words COMMON = Words.of("common");
    private static final Words STAFF = Words.of("staff");

    private StaffErrors() {}

    /** Used by {@link StaffHandler}; directly only by a handler with pages outside the staff shape (sign-in). */
    public static APIGatewayV2HTTPResponse guard(
            APIGatewayV2HTTPEvent event,
            String function,
            Function<StaffRequest, APIGatewayV2HTTPResponse> action) {
        StaffMember member = StaffRequest.memberOf(event).orElse(null);
        try {
            return action.apply(StaffRequest.of(event));
        } catch (NotSignedIn e) {
            return unauthorised();
        } catch (AccessDenied e) {
            return WebResponse.html(403, StaffPages.notAllowed(member, e.getMessage()));
        } catch (NotFound e) {
            return WebResponse.html(404, StaffPages.notFound(member));
        } catch (Refused e) {
            return refused(member, e);
        } catch (BadRequest e) {
            return WebResponse.html(
                    e.status(), StaffPages.message(member, e.title(), e.getMessage()));
        } catch (Busy e) {
            LOG.warn(
                    "Store busy in {} handling {}: nothing saved, asked to try again",
                    function,
                    event.getRouteKey());
            return WebResponse.tryAgain(
                    StaffPages.message(
                            member, COMMON.get("error.busy.title"), STAFF.get("error.busy.body")));
        } catch (RuntimeException e) {
            LOG.error(
                    "Unexpected fault in {} handling {}: {} at {}",
                    function,
                    event.getRouteKey(),
                    e.getClass().getName(),
                    Arrays.stream(e.getStackTrace())
                            .limit(8)
                            .map(StackTraceElement::toString)
                            .toList());
            return WebResponse.html(
                    500,
                    StaffPages.message(
                            member,
                            COMMON.get("error.fault.title"),
                            STAFF.get("error.fault.body")));
        }
    }

    /** A rule does not allow the action now: its reason, in plain words, on a staff message page. */
    public static APIGatewayV2HTTPResponse refused(StaffMember member, Refused refusal) {
        return WebResponse.html(
                409,
                StaffPages.message(
                        member, COMMON.get("error.refused.title"), refusal.getMessage()));
    }

    public static APIGatewayV2HTTPResponse unauthorised() {
        return WebResponse.html(401, StaffPages.signInNeeded());
    }
}
