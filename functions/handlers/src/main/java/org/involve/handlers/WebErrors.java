package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.apply.ApplicationJourney.DraftNotFound;
import org.involve.core.apply.ApplicationJourney.RoleClosed;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.handlers.http.BadRequest;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.PublicPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The one place a refusal on the public pages becomes a page in plain words with the right status: core's NotFound
 * 404, its Refused 409 (a closed role and an expired draft have pages of their own), BadRequest its own. Bad input never becomes a 500;
 * a real fault does, with a page that says the answers already saved are safe. Logs never carry what
 * people typed: only the kind of fault and where it happened.
 */
final class WebErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    private WebErrors() {}

    static APIGatewayV2HTTPResponse guard(WebRequest request, String function, Supplier<APIGatewayV2HTTPResponse> action) {
        try {
            return action.get();
        } catch (BadRequest e) {
            return WebResponse.html(e.status(), PublicPages.message(e.title(), e.getMessage()));
        } catch (RoleClosed e) {
            return WebResponse.html(410, PublicPages.message("This role has closed",
                    "Applications for " + e.role().title() + " closed on " + e.role().closingTime().display() + ".",
                    "We cannot accept applications after the closing date. If you think this is wrong, contact "
                            + e.role().contact().email() + "."));
        } catch (DraftNotFound e) {
            return WebResponse.html(404, PublicPages.message("We cannot find your application",
                    "Unfinished applications are kept for 14 days, on the device and browser you started them on. "
                            + "It may have expired, or been started somewhere else.",
                    "Go back to the role and choose Start now to begin again."));
        } catch (NotFound e) {
            return notFound();
        } catch (Refused e) {
            return WebResponse.html(409, PublicPages.message("This cannot be done now", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Unexpected fault in {} handling {}: {} at {}", function, request.routeKey(), e.getClass().getName(),
                    Arrays.stream(e.getStackTrace()).limit(8).map(StackTraceElement::toString).toList());
            return WebResponse.html(500, PublicPages.message("Sorry, there is a problem with the service",
                    "Please try again in a few minutes. Answers you have already saved are safe."));
        }
    }

    static APIGatewayV2HTTPResponse notFound() {
        return WebResponse.html(404, PublicPages.message("Page not found",
                "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."));
    }
}
