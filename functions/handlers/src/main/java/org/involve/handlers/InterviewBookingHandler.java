package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewBooking.AlreadyBooked;
import org.involve.core.interviews.InterviewBooking.Booked;
import org.involve.core.interviews.InterviewBooking.Choose;
import org.involve.core.interviews.InterviewBooking.Refused;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.InterviewBookingPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applicant's booking page at /interview/{token}, from the link in their invitation: GET shows the free times and
 * the adjustments question (it only checks the link), POST books (spending the link with the booking). A public route
 * of its own, more specific than the site's catch-all, so the public site's function never sees booking links.
 * Logs never carry the token.
 */
public class InterviewBookingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(InterviewBookingHandler.class);
    private final InterviewBooking booking;

    public InterviewBookingHandler() {
        this(Beans.get(InterviewBooking.class));
    }

    public InterviewBookingHandler(InterviewBooking booking) {
        this.booking = booking;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest req = new WebRequest(event);
        return WebErrors.guard(req, "interview-booking", () -> {
            String token = req.pathParameter("token");
            return switch (req.routeKey()) {
                case "GET /interview/{token}" -> {
                    InterviewBooking.Page page = booking.open(token);
                    // After booking the browser is sent here: the same used link, now shown as the confirmation.
                    if (page instanceof AlreadyBooked b && req.query("booked").isPresent()) {
                        yield WebResponse.html(200, InterviewBookingPages.booked(b.role(), b.slot(), b.app().reference(), "email".equals(b.app().contactMethod())));
                    }
                    yield show(page, token, 200);
                }
                case "POST /interview/{token}" -> {
                    InterviewBooking.Page page = booking.book(token, req.form());
                    if (page instanceof Booked b) {
                        yield WebResponse.seeOther("/interview/" + token + "?booked=yes");
                    }
                    yield show(page, token, page instanceof AlreadyBooked ? 409 : 400);
                }
                default -> WebErrors.notFound();
            };
        });
    }

    private static APIGatewayV2HTTPResponse show(InterviewBooking.Page page, String token, int status) {
        if (page instanceof Choose c) return WebResponse.html(status == 200 ? 200 : c.problem() != null ? 409 : 400, InterviewBookingPages.choose(c, token));
        if (page instanceof AlreadyBooked b) return WebResponse.html(status, InterviewBookingPages.alreadyBooked(b.role(), b.slot(), b.app().reference()));
        if (page instanceof Booked b) return WebResponse.html(200, InterviewBookingPages.booked(b.role(), b.slot(), b.app().reference(), true));
        Refused r = (Refused) page;
        return WebResponse.html(InterviewBookingPages.status(r.reason()), InterviewBookingPages.refused(r));
    }
}
