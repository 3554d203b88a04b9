package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.Words;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The staff pages' frame: the NHS.UK header with the service name "Involve staff", navigation to each staff area the
 * signed-in person's groups allow (and nothing else, so a panel member is never shown a link to names or contact
 * details), and "Sign out". The head, skip link, footer and scripts are the layout's (layout/page.jte).
 */
public final class StaffLayout {
    private static final Words STAFF = Words.of("staff");
    public static final String SERVICE = STAFF.get("layout.service");

    /**
     * One area of the staff pages, shown in the navigation to those with its permission.
     *
     * @param description what the area lets someone do, completing "You can ..." on its home-page card
     */
    public record Area(String label, String href, Permission permission, String description) {
        /** An area that does exactly what its permission says. */
        public Area(String label, String href, Permission permission) {
            this(label, href, permission, permission.description());
        }
    }

    /** Only areas that are built: a link to a page that does not exist yet would mislead. Add each area as it lands. */
    public static final List<Area> AREAS =
            List.of(
                    new Area(
                            STAFF.get("navigation.roles"), "/staff/roles", Permission.MANAGE_ROLES),
                    new Area(
                            STAFF.get("navigation.applications"),
                            "/staff/applications",
                            Permission.VIEW_APPLICANT_DETAILS),
                    // The panel's only area: anonymised applications to score.
                    new Area(
                            STAFF.get("navigation.shortlisting"),
                            "/staff/shortlisting",
                            Permission.SCORE_APPLICATIONS),
                    new Area(
                            STAFF.get("navigation.interviews"),
                            "/staff/interviews",
                            Permission.MANAGE_INTERVIEWS),
                    new Area(
                            STAFF.get("navigation.references"),
                            "/staff/references",
                            Permission.MANAGE_REFERENCES),
                    new Area(
                            STAFF.get("navigation.outcomes"),
                            "/staff/outcomes",
                            Permission.SEND_OUTCOMES),
                    new Area(
                            STAFF.get("navigation.partners"),
                            "/staff/partners",
                            Permission.APPOINT_PARTNERS),
                    new Area(
                            STAFF.get("navigation.emailDelivery"),
                            "/staff/email",
                            Permission.MANAGE_EMAIL_DELIVERY),
                    new Area(
                            Words.of("meetings").get("navigation.meetings"),
                            "/staff/meetings",
                            Permission.MANAGE_MEETINGS),
                    new Area(
                            Words.of("dataprotection").get("navigation.dataProtection"),
                            "/staff/data-protection",
                            Permission.DATA_PROTECTION),
                    new Area(
                            Words.of("equality").get("navigation.equality"),
                            "/staff/equality",
                            Permission.VIEW_MONITORING_REPORTS),
                    new Area(
                            Words.of("audit").get("navigation.audit"),
                            "/staff/audit",
                            Permission.VIEW_AUDIT_TRAIL),
                    new Area(
                            Words.of("payments").get("navigation.claims"),
                            "/staff/claims",
                            Permission.APPROVE_CLAIMS),
                    new Area(
                            Words.of("payroll").get("navigation.finance"),
                            "/staff/finance",
                            Permission.RECEIVE_PAYMENTS));

    private static final List<Link> FOOTER =
            List.of(
                    new Link(STAFF.get("layout.footer.home"), "/staff"),
                    new Link(STAFF.get("layout.footer.publicSite"), "/roles"),
                    Layout.privacyLink(),
                    Layout.accessibilityLink(),
                    Layout.cookiesLink());

    private StaffLayout() {}

    /** The areas this person may open, in navigation order. */
    public static List<Area> areasFor(StaffMember member) {
        return member == null
                ? List.of()
                : AREAS.stream().filter(a -> member.may(a.permission())).toList();
    }

    /** The staff header and footer for a page of the area {@code current} (or null), as page templates pass it to the layout. */
    public static Layout.Chrome chrome(StaffMember member, String current, boolean wide) {
        String descriptor =
                member == null
                        ? STAFF.get("layout.descriptor")
                        : STAFF.format("layout.signedInAs", "name", member.displayName());
        return new Layout.Chrome(
                SERVICE,
                "/staff",
                descriptor,
                STAFF.get("navigation.label"),
                navigation(member, current),
                FOOTER,
                wide,
                member == null ? null : StaffSession.shown());
    }

    private static List<Link> navigation(StaffMember member, String current) {
        if (member == null) return null;
        List<Link> links = new ArrayList<>();
        for (Area a : areasFor(member))
            links.add(new Link(a.label(), a.href(), a.href().equals(current)));
        links.add(new Link(STAFF.get("navigation.signOut"), "/staff/sign-out"));
        return links;
    }
}
