package org.involve.handlers.views;

import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.util.List;

import static org.involve.core.kit.Html.escape;

/**
 * The staff pages' frame: the NHS.UK header with the service name "Involve staff", navigation to each staff area the
 * signed-in person's groups allow (and nothing else, so a panel member is never shown a link to names or contact
 * details), and "Sign out". The head, skip link, footer and scripts are {@link Layout}'s.
 */
public final class StaffLayout {
    public static final String SERVICE = "Involve staff";

    /** One area of the staff pages, shown in the navigation to those with its permission. */
    public record Area(String label, String href, Permission permission) {}

    /** The staff areas in navigation order. Add an area here when its pages exist. */
    /** Only areas that are built: a link to a page that does not exist yet would mislead. Add each area as it lands. */
    public static final List<Area> AREAS = List.of(
            new Area("Roles", "/staff/roles", Permission.MANAGE_ROLES),
            new Area("Applications", "/staff/applications", Permission.VIEW_APPLICANT_DETAILS),
            // The panel's only area: anonymised applications to score.
            new Area("Shortlisting", "/staff/shortlisting", Permission.SCORE_APPLICATIONS),
            new Area("Interviews", "/staff/interviews", Permission.MANAGE_INTERVIEWS),
            new Area("References", "/staff/references", Permission.MANAGE_REFERENCES),
            new Area("Outcomes", "/staff/outcomes", Permission.SEND_OUTCOMES),
            new Area("Partners", "/staff/partners", Permission.APPOINT_PARTNERS));

    private static final String FOOTER = "<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\"/staff\">Staff home</a></li>"
            + "<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\"/roles\">Public site</a></li>";

    private StaffLayout() {}

    /**
     * A staff page in the usual two-thirds column.
     *
     * @param member   the signed-in person, or null on the sign-in and refusal pages (then there is no navigation)
     * @param current  the href of the area this page belongs to (marked as current in the navigation), or null
     * @param backLink where "Back" goes, or null for none
     */
    public static String page(StaffMember member, String current, String title, boolean hasErrors, String backLink, String content) {
        return Layout.page(chrome(member, current, false), title, hasErrors, backLink, content);
    }

    /** A staff page whose main column is the full width: for tables. */
    public static String widePage(StaffMember member, String current, String title, boolean hasErrors, String backLink, String content) {
        return Layout.page(chrome(member, current, true), title, hasErrors, backLink, content);
    }

    /** The areas this person may open, in navigation order. */
    public static List<Area> areasFor(StaffMember member) {
        return member == null ? List.of() : AREAS.stream().filter(a -> member.may(a.permission())).toList();
    }

    static Layout.Chrome chrome(StaffMember member, String current, boolean wide) {
        String descriptor = member == null ? "Programme staff and panels" : "Signed in as " + member.displayName();
        return new Layout.Chrome(SERVICE, "/staff", descriptor, navigation(member, current), FOOTER, wide);
    }

    private static String navigation(StaffMember member, String current) {
        if (member == null) return "";
        StringBuilder s = new StringBuilder("<nav class=\"nhsuk-header__navigation\" aria-label=\"Staff menu\">"
                + "<div class=\"nhsuk-header__navigation-container nhsuk-width-container\"><ul class=\"nhsuk-header__navigation-list\">");
        for (Area a : areasFor(member)) s.append(item(a.label(), a.href(), a.href().equals(current)));
        s.append(item("Sign out", "/staff/sign-out", false));
        s.append("<li class=\"nhsuk-header__menu\" hidden><button class=\"nhsuk-header__menu-toggle nhsuk-header__navigation-link\" id=\"toggle-menu\" aria-expanded=\"false\">"
                + "<span class=\"nhsuk-u-visually-hidden\">Browse </span>More</button></li>");
        return s.append("</ul></div></nav>").toString();
    }

    private static String item(String label, String href, boolean current) {
        if (current) {
            return "<li class=\"nhsuk-header__navigation-item nhsuk-header__navigation-item--current\"><a class=\"nhsuk-header__navigation-link\" href=\""
                    + escape(href) + "\" aria-current=\"page\"><strong class=\"nhsuk-header__navigation-item-current-fallback\">" + escape(label) + "</strong></a></li>";
        }
        return "<li class=\"nhsuk-header__navigation-item\"><a class=\"nhsuk-header__navigation-link\" href=\"" + escape(href) + "\">" + escape(label) + "</a></li>";
    }
}
