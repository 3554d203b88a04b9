package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewBooking.AlreadyBooked;
import org.involve.core.interviews.InterviewBooking.Booked;
import org.involve.core.interviews.InterviewBooking.Choose;
import org.involve.core.interviews.InterviewBooking.Refused;
import org.involve.core.kit.Words;
import org.involve.core.paths.PublicPaths;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.InterviewBookingPages;

/**
 * The applicant's booking page at /interview/{token}, from the link in their invitation: GET shows the free times and
 * the adjustments question (it only checks the link), POST books (spending the link with the booking). A public route
 * of its own, more specific than the site's catch-all, so the public site's function never sees booking links.
 * Logs never carry the token.
 */
public class InterviewBookingHandler extends PublicHandler<InterviewBookingHandler> {
    static final Routes<InterviewBookingHandler, WebRequest> ROUTES =
            Routes.<InterviewBookingHandler, WebRequest>table()
                    .get(PublicPaths.BOOKING, InterviewBookingHandler::open)
                    .post(PublicPaths.BOOKING, InterviewBookingHandler::book)
                    .post(PublicPaths.BOOKING_CANCEL, InterviewBookingHandler::cancel);
    private final InterviewBooking booking;

    public InterviewBookingHandler() {
        this(Beans.get(InterviewBooking.class));
        Priming.register("InterviewBookingFunction", this::prime);
    }

    public InterviewBookingHandler(InterviewBooking booking) {
        super("interview-booking", ROUTES);
        this.booking = booking;
    }

    private APIGatewayV2HTTPResponse open(WebRequest req) {
        String token = req.pathParameter("token");
        InterviewBooking.Page page = booking.open(token);
        // After booking the browser is sent here: the same used link, now shown as the
        // confirmation.
        if (page instanceof AlreadyBooked b && req.query("booked").isPresent()) {
            return WebResponse.html(
                    200,
                    InterviewBookingPages.booked(
                            b.role(),
                            b.slot(),
                            b.app().reference(),
                            "email".equals(b.app().contactMethod()),
                            token));
        }
        // After cancelling, the browser is sent here with the fresh link: the form, saying the time
        // was cancelled.
        if (page instanceof Choose c && req.query("cancelled").isPresent())
            return WebResponse.html(
                    200,
                    InterviewBookingPages.choose(
                            c, token, Words.of("interviews").get("page.booking.cancelled")));
        return show(page, token, 200);
    }

    private APIGatewayV2HTTPResponse book(WebRequest req) {
        String token = req.pathParameter("token");
        InterviewBooking.Page page = booking.book(token, req.form());
        if (page instanceof Booked b) {
            return WebResponse.seeOther(PublicPaths.BOOKING.fill(token) + "?booked=yes");
        }
        return show(page, token, page instanceof AlreadyBooked ? 409 : 400);
    }

    /** Cancels the time booked with this link; then on to a fresh link's page to choose another, if they wish. */
    private APIGatewayV2HTTPResponse cancel(WebRequest req) {
        String token = req.pathParameter("token");
        req.form();
        InterviewBooking.Page page = booking.cancel(token);
        if (page instanceof InterviewBooking.Cancelled c)
            return WebResponse.seeOther(PublicPaths.BOOKING.fill(c.newLink()) + "?cancelled=yes");
        return show(page, token, page instanceof AlreadyBooked ? 409 : 200);
    }

    private static APIGatewayV2HTTPResponse show(
            InterviewBooking.Page page, String token, int status) {
        if (page instanceof Choose c)
            return WebResponse.html(
                    status == 200 ? 200 : c.problem() != null ? 409 : 400,
                    InterviewBookingPages.choose(c, token));
        if (page instanceof AlreadyBooked b)
            return WebResponse.html(
                    status,
                    InterviewBookingPages.alreadyBooked(
                            b.role(), b.slot(), b.app().reference(), token));
        if (page instanceof Booked b)
            return WebResponse.html(
                    200,
                    InterviewBookingPages.booked(
                            b.role(), b.slot(), b.app().reference(), true, token));
        Refused r = (Refused) page;
        return WebResponse.html(
                InterviewBookingPages.status(r.reason()), InterviewBookingPages.refused(r));
    }
}
