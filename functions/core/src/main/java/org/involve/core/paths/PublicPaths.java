package org.involve.core.paths;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.involve.core.kit.Path;

/**
 * The public site's addresses, as template.yaml routes them: the handlers' route tables are declared with these
 * and links in pages and e-mails are built from them ({@code siteUrl + PublicPaths.BOOKING.fill(token)}).
 */
public final class PublicPaths {
    private PublicPaths() {}

    public static final Path HOME = Path.of("/");

    /** Anything else on the site: answered with the site's own "Page not found". */
    public static final Path ANYTHING_ELSE = Path.of("/{proxy+}");

    public static final Path ROLES = Path.of("/roles");
    public static final Path ROLE = ROLES.then("/{roleId}");
    public static final Path APPLY = ROLE.then("/apply");
    public static final Path APPLY_SECTION = APPLY.then("/{section}");
    public static final Path CHECK_ANSWERS = ROLE.then("/check-answers");
    public static final Path CONFIRMATION = ROLE.then("/confirmation");

    /** The task list of an application in progress (GET; POST to the same address starts one). */
    public static final Path TASK_LIST = APPLY;

    /** Asking for a "continue your application" e-mail. */
    public static final Path SAVE_LINK = ROLE.then("/save-link");

    /** The link in that e-mail: opens the draft in any browser. */
    public static final Path CONTINUE_LINK = ROLE.then("/continue/{token}");

    /** "Continue an application": the reference and code a person was given. */
    public static final Path CONTINUE = Path.of("/continue");

    /** The privacy notice: who holds people's information, why, how long it is kept, their rights. */
    public static final Path PRIVACY = Path.of("/privacy");

    /** The accessibility statement. */
    public static final Path ACCESSIBILITY = Path.of("/accessibility");

    /** Which cookies the site sets and why (only those it needs to work). */
    public static final Path COOKIES = Path.of("/cookies");

    /** The equal-opportunities form; its link carries the role and the application's monitoring token as a query. */
    public static final Path MONITORING = Path.of("/monitoring");

    /** The equal opportunities questions reached with a short code: the start page asks for it. */
    public static final Path MONITORING_BY_CODE = Path.of("/equal-opportunities");

    /** Where the questions reached with a code are sent (the code comes with them). */
    public static final Path MONITORING_BY_CODE_ANSWERS = MONITORING_BY_CODE.then("/answers");

    /** An applicant's one-use interview booking link. */
    public static final Path BOOKING = Path.of("/interview/{token}");

    /** Cancelling the time booked with that link (then choosing another through a fresh one). */
    public static final Path BOOKING_CANCEL = BOOKING.then("/cancel");

    /** A referee's one-use reference link. */
    public static final Path REFERENCE_FORM = Path.of("/reference/{token}");

    /** A partner asks for a new "your involvement" link by entering their e-mail address. */
    public static final Path YOUR_INVOLVEMENT_NEW_LINK = Path.of("/your-involvement");

    /** A partner's "your involvement" page, from the signed, expiring link in every e-mail to them. */
    public static final Path YOUR_INVOLVEMENT = YOUR_INVOLVEMENT_NEW_LINK.then("/{token}");

    /** One thing to do there: pause, return, retire, contact, a document's slug, it-support. */
    public static final Path YOUR_INVOLVEMENT_STEP = YOUR_INVOLVEMENT.then("/{step}");

    /** An applicant's link to withdraw their application (in every e-mail they get). */
    public static final Path WITHDRAW = Path.of("/withdraw/{token}");

    /** The monitoring form's link for one application, with its query. */
    public static String monitoringForm(String roleId, String token) {
        return MONITORING.template() + "?role=" + query(roleId) + "&token=" + query(token);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
