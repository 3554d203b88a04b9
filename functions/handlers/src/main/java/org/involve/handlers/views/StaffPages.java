package org.involve.handlers.views;

import org.involve.core.staff.StaffMember;

import static org.involve.core.kit.Html.escape;

/** Staff pages every staff area shares: the home page, and the refusals and faults in plain words. */
public final class StaffPages {
    private StaffPages() {}

    /** The staff home: a card for each area the person's groups allow. */
    public static String home(StaffMember member) {
        StringBuilder s = new StringBuilder("<h1>Involve staff</h1><p class=\"nhsuk-lede-text\">Hello, ").append(escape(member.displayName())).append(".</p>");
        var areas = StaffLayout.areasFor(member);
        if (areas.isEmpty()) {
            s.append("<p>There is nothing for your group to do here yet. If you think you should be able to manage roles, "
                    + "ask the patient and public involvement team to add you to the staff group.</p>");
        } else {
            s.append("<ul class=\"nhsuk-grid-row nhsuk-card-group\">");
            for (var a : areas) {
                s.append("<li class=\"nhsuk-grid-column-one-half nhsuk-card-group__item\"><div class=\"nhsuk-card nhsuk-card--clickable\"><div class=\"nhsuk-card__content\">")
                        .append("<h2 class=\"nhsuk-card__heading nhsuk-heading-m\"><a class=\"nhsuk-card__link\" href=\"").append(escape(a.href())).append("\">")
                        .append(escape(a.label())).append("</a></h2><p class=\"nhsuk-card__description\">You can ")
                        .append(escape(a.permission().description())).append(".</p></div></div></li>");
        }
            s.append("</ul>");
        }
        return StaffLayout.page(member, "/staff", "Staff home", false, null, s.toString());
    }

    /** 401: nobody is signed in (or the sign-in has expired). */
    public static String signInNeeded() {
        return StaffLayout.page(null, null, "You need to sign in", false, null,
                "<h1>You need to sign in</h1><p>These pages are for programme staff, shortlisting panels and finance. "
                        + "You are not signed in, or your sign-in has expired.</p>"
                        + "<p><a class=\"nhsuk-button\" data-module=\"nhsuk-button\" href=\"/staff/sign-in\">Sign in</a></p>"
                        + "<p>If you applied for a role, you do not need to sign in: <a href=\"/roles\">see open roles</a>.</p>");
    }

    /** 403: signed in, but the person's groups do not allow this. The message names the action, never the person. */
    public static String notAllowed(StaffMember member, String message) {
        return StaffLayout.page(member, null, "You cannot do this", false, null,
                "<h1>You cannot do this</h1><p>" + escape(message) + "</p><p><a href=\"/staff\">Go to staff home</a></p>");
    }

    public static String notFound(StaffMember member) {
        return StaffLayout.page(member, null, "Page not found", false, null,
                "<h1>Page not found</h1><p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>"
                        + "<p><a href=\"/staff\">Go to staff home</a></p>");
    }

    /** A page of plain paragraphs: for refusals (400, 409, 413, 415) and faults (500). */
    public static String message(StaffMember member, String title, String... paragraphs) {
        StringBuilder s = new StringBuilder("<h1>").append(escape(title)).append("</h1>");
        for (String p : paragraphs) s.append("<p>").append(escape(p)).append("</p>");
        s.append("<p><a href=\"/staff\">Go to staff home</a></p>");
        return StaffLayout.page(member, null, title, false, null, s.toString());
    }

    /** After sign-out. */
    public static String signedOut() {
        return StaffLayout.page(null, null, "You have signed out", false, null,
                "<h1>You have signed out</h1><p>Close the browser if you are using a shared computer.</p>"
                        + "<p><a href=\"/staff/sign-in\">Sign in again</a></p>");
    }
}
