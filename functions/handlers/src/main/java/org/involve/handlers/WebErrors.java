package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.function.Supplier;
import org.involve.core.application.ApplicationJourney.DraftNotFound;
import org.involve.core.application.ApplicationJourney.RoleClosed;
import org.involve.core.kit.Busy;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.handlers.http.BadRequest;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.PublicPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a refusal on the public pages becomes a page in plain words with the right status: core's NotFound
 * 404, its Refused 409 (a closed role and an expired draft have pages of their own), BadRequest its own, Busy (the
 * store could not take the change just now; nothing saved) 503 "try again". Bad input never becomes a 500;
 * a real fault does, with a page that says the answers already saved are safe. Logs never carry what
 * people typed: only the kind of fault and where it happened.
 */
final class WebErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);
    private static final Words COMMON = Words.of("common");
    private static final Words APPLY = Words.of("apply");

    private WebErrors() {}

    static APIGatewayV2HTTPResponse guard(
            WebRequest request, String function, Supplier<APIGatewayV2HTTPResponse> action) {
        try {
            return action.get();
        } catch (BadRequest e) {
            return WebResponse.html(e.status(), PublicPages.message(e.title(), e.getMessage()));
        } catch (RoleClosed e) {
            return WebResponse.html(
                    410,
                    PublicPages.message(
                            APPLY.get("error.role-closed.title"),
                            APPLY.format(
                                    "error.role-closed.when",
                                    "role",
                                    e.role().title(),
                                    "closed",
                                    e.role().closingTime().display()),
                            APPLY.format(
                                    "error.role-closed.contact",
                                    "email",
                                    e.role().contact().email())));
        } catch (DraftNotFound e) {
            return WebResponse.html(
                    404,
                    PublicPages.message(
                            APPLY.get("error.draft-not-found.title"),
                            APPLY.get("error.draft-not-found.kept"),
                            APPLY.get("error.draft-not-found.again")));
        } catch (NotFound e) {
            return notFound();
        } catch (Refused e) {
            return WebResponse.html(
                    409, PublicPages.message(COMMON.get("error.refused.title"), e.getMessage()));
        } catch (Busy e) {
            LOG.warn(
                    "Store busy in {} handling {}: nothing saved, asked to try again",
                    function,
                    request.routeKey());
            return WebResponse.tryAgain(
                    PublicPages.message(
                            COMMON.get("error.busy.title"), COMMON.get("error.busy.body")));
        } catch (RuntimeException e) {
            LOG.error(
                    "Unexpected fault in {} handling {}: {} at {}",
                    function,
                    request.routeKey(),
                    e.getClass().getName(),
                    Arrays.stream(e.getStackTrace())
                            .limit(8)
                            .map(StackTraceElement::toString)
                            .toList());
            return WebResponse.html(500, faultPage());
        }
    }

    static APIGatewayV2HTTPResponse notFound() {
        return WebResponse.html(404, notFoundPage());
    }

    /** The page for an address with nothing there (also published as CloudFront's error page). */
    static String notFoundPage() {
        return PublicPages.message(
                COMMON.get("error.not-found.title"), COMMON.get("error.not-found.body"));
    }

    /** The page for a fault (also published as CloudFront's page for a 5xx). */
    static String faultPage() {
        return PublicPages.message(COMMON.get("error.fault.title"), COMMON.get("error.fault.body"));
    }
}
