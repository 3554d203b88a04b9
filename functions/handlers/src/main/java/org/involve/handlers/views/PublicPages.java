package org.involve.handlers.views;

import org.involve.core.application.Application;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Role;

import java.util.List;
import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The public pages: open roles, a role's full details, the application in sections, and what follows it. */
public final class PublicPages {
    private PublicPages() {}

    public static String openRoles(List<Role> roles) {
        StringBuilder s = new StringBuilder("<h1>Open roles</h1><p class=\"nhsuk-lede-text\">Use your experience of health and care services to help shape them. "
                + "These roles are open to members of the public.</p>");
        if (roles.isEmpty()) {
            s.append("<p>There are no open roles at the moment. Please check again soon.</p>");
        }
        for (Role r : roles) {
            s.append("<div class=\"nhsuk-card nhsuk-card--clickable\"><div class=\"nhsuk-card__content\">")
                    .append("<h2 class=\"nhsuk-card__heading nhsuk-heading-m\"><a class=\"nhsuk-card__link\" href=\"/roles/").append(escape(r.id())).append("\">")
                    .append(escape(r.title())).append("</a></h2>")
                    .append("<p class=\"nhsuk-card__description\">").append(escape(r.summary())).append("</p>")
                    .append("<p class=\"nhsuk-body-s nhsuk-u-margin-bottom-0\">").append(escape(r.organisation()))
                    .append(". Closes ").append(escape(r.closingTime().display())).append(".</p></div></div>");
        }
        return Layout.page("Open roles", false, null, s.toString());
    }

    public static String roleDetails(Role role, boolean open) {
        StringBuilder s = new StringBuilder();
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.organisation())).append(" - ").append(escape(role.programme())).append("</span>")
                .append("<h1>").append(escape(role.title())).append("</h1>")
                .append("<p class=\"nhsuk-lede-text\">").append(escape(role.summary())).append("</p>");
        if (!open) {
            s.append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>This role has closed</span></h2>")
                    .append("<p>Applications closed on ").append(escape(role.closingTime().display())).append(". You can no longer apply.</p></div>");
        } else {
            s.append("<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p>Applications close on <strong>")
                    .append(escape(role.closingTime().display())).append("</strong> (UK time).</p></div>");
        }
        s.append(summary(List.of(
                row("Places", role.places() + (role.placesNote() == null || role.placesNote().isBlank() ? "" : " (" + role.placesNote() + ")")),
                row("Time commitment", role.commitment().timeAsked()),
                row("Meetings", role.commitment().meetings()),
                row("Attendance", role.commitment().attendanceExpectation()),
                row("Payment", role.payment().describe()),
                row("How long", role.tenure().describe()),
                row("Closing date", role.closingTime().display()),
                row("Interviews", "By " + role.interviewFormat() + ", week commencing " + ClosingTime.displayDate(role.interviewWeekCommencing())),
                row("References", role.referencesRequired() + " references are taken up for successful applicants before the role is confirmed"))));
        s.append("<h2>What the role involves</h2>").append(bullets(role.whatTheRoleDoes()));
        s.append("<h2>Who we are looking for</h2>").append(bullets(role.whoWeAreLookingFor()));
        if (!role.priorityCommunities().isEmpty()) {
            s.append("<p>We are especially keen that at least ").append(role.priorityPlaces()).append(role.priorityPlaces() == 1 ? " place is" : " places are")
                    .append(" taken by someone from:</p>").append(bullets(role.priorityCommunities()));
        }
        s.append("<h3>Essential</h3>").append(bullets(role.essentialCriteria().map(c -> c.statement()).toList()));
        List<String> desirable = role.desirableCriteria().map(c -> c.statement()).toList();
        if (!desirable.isEmpty()) s.append("<h3>Desirable</h3>").append(bullets(desirable));
        s.append("<h2>Who cannot apply</h2><p>To avoid conflicts of interest, these people cannot take this role:</p>")
                .append(bullets(List.of(
                        "a chair or board member of an NHS body, such as an NHS trust or foundation trust, an NHS commissioning body, a regulator of NHS trusts or some special health authorities",
                        role.eligibility().excludesAllNhsStaff() ? "anyone who works for the NHS, including honorary or unpaid posts"
                                : "NHS England staff, including honorary or unpaid medical or dental posts (non-clinical staff of other NHS organisations can usually apply)",
                        "a practising healthcare professional, including GPs and general dental practitioners",
                        "a serving MP or local councillor, or a candidate for election")))
                .append("<p>If you have been removed as a charity trustee, sanctioned by a professional body, had a public appointment ended early, "
                        + "or are disqualified as a company director, you can still apply: we will talk with you first.</p>")
                .append("<p>Nobody can hold more than ").append(role.eligibility().maximumPaidRoles())
                .append(" paid patient and public voice roles at once. Each role should average no more than 2 full days a month, including preparation and travel.</p>");
        if (role.payment().isPaid()) {
            s.append("<h2>Payments and benefits</h2><p>Involvement payments count as income. They are paid through payroll, so tax and National Insurance may be taken off. "
                            + "Partners are not employees. Payments can affect state benefits, so you may want independent advice before you accept, "
                            + "for example from Jobcentre Plus or Citizens Advice. Free, confidential benefits advice is available: email ")
                    .append(escape(role.contact().benefitsAdviceEmail())).append(". You can choose to decline the payment. Reasonable out-of-pocket expenses are paid either way.</p>");
        }
        s.append(open
                        ? "<h2>Another format, or help to apply</h2><p>If you would like this information in another format, or to apply another way, for example by telephone, "
                          + "by sending a voice recording or by post, contact "
                        : "<h2>Questions</h2><p>If you have questions about this role, contact ")
                .append(escape(role.contact().name())).append(" at <a href=\"mailto:").append(escape(role.contact().email())).append("\">")
                .append(escape(role.contact().email())).append("</a>");
        if (role.contact().phone() != null && !role.contact().phone().isBlank()) s.append(" or ").append(escape(role.contact().phone()));
        s.append(". You can also ask us any questions about the role.</p>");
        if (open) {
            s.append("<h2>Apply</h2><p>The application takes about 30 minutes. Your answers are saved as you go. "
                            + "There is also a short, separate equal opportunities form.</p>")
                    .append("<form method=\"post\" action=\"/roles/").append(escape(role.id())).append("/apply\" novalidate>")
                    .append("<button class=\"nhsuk-button nhsuk-button--login\" data-module=\"nhsuk-button\" type=\"submit\">Start now</button></form>");
        }
        return Layout.page(role.title(), false, "/roles", s.toString());
    }

    public static String section(Role role, Section section, int number, int of, Map<String, String> values, FieldErrors errors, String back) {
        String s = FormFields.errorSummary(errors)
                + "<span class=\"nhsuk-caption-l\">" + escape(role.title()) + " - section " + number + " of " + of + "</span>"
                + "<h1>" + escape(section.title()) + "</h1>"
                + (section.intro() == null ? "" : "<p>" + escape(section.intro()) + "</p>")
                + "<form method=\"post\" action=\"/roles/" + escape(role.id()) + "/apply/" + escape(section.id()) + "\" novalidate>"
                + FormFields.section(section, values, errors)
                + FormFields.honeypot()
                + FormFields.button("Save and continue") + "</form>";
        return Layout.page(section.title(), errors != null && !errors.isEmpty(), back, s);
    }

    public static String checkAnswers(Role role, List<Section> sections, ApplicationDraft draft, String problem) {
        StringBuilder s = new StringBuilder();
        if (problem != null) s.append(FormFields.problemSummary(problem));
        s.append("<span class=\"nhsuk-caption-l\">").append(escape(role.title())).append("</span><h1>Check your answers before sending your application</h1>");
        for (Section sec : sections) {
            s.append("<h2 class=\"nhsuk-heading-m\">").append(escape(sec.title())).append("</h2><dl class=\"nhsuk-summary-list\">");
            for (Field f : sec.fields()) {
                String v = draft.answers().getOrDefault(f.name(), "");
                String shown = v.isEmpty() ? "Not answered" : f.kind() == Field.Kind.AGREE ? "Agreed" : f.labelFor(v);
                s.append("<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">").append(escape(f.label())).append("</dt>")
                        .append("<dd class=\"nhsuk-summary-list__value\">").append(escape(shown).replace("\n", "<br>")).append("</dd>")
                        .append("<dd class=\"nhsuk-summary-list__actions\"><a href=\"/roles/").append(escape(role.id())).append("/apply/").append(escape(sec.id()))
                        .append("#").append(escape(f.name())).append("\">Change<span class=\"nhsuk-u-visually-hidden\"> ")
                        .append(escape(f.label().toLowerCase(java.util.Locale.UK))).append("</span></a></dd></div>");
            }
            s.append("</dl>");
        }
        s.append("<h2 class=\"nhsuk-heading-m\">Now send your application</h2><p>By sending this application you confirm that, to the best of your knowledge, "
                        + "the details you are providing are correct.</p>")
                .append("<form method=\"post\" action=\"/roles/").append(escape(role.id())).append("/check-answers\" novalidate>")
                .append(FormFields.honeypot()).append(FormFields.button("Send application")).append("</form>");
        String back = "/roles/" + role.id() + "/apply/" + sections.get(sections.size() - 1).id();
        return Layout.page("Check your answers", problem != null, back, s.toString());
    }

    public static String confirmation(Role role, Application app, String monitoringLink, boolean alreadyApplied) {
        boolean byEmail = app.acknowledgement() == Application.Acknowledgement.EMAIL_QUEUED;
        String title = alreadyApplied ? "You have already applied for this role" : "Application sent";
        String s = "<div class=\"nhsuk-panel nhsuk-panel--confirmation\"><h1 class=\"nhsuk-panel__title\">" + title + "</h1>"
                + "<div class=\"nhsuk-panel__body\">Your reference number<br><strong>" + escape(app.reference()) + "</strong></div></div>"
                + (alreadyApplied
                        ? "<p>We already have an application from you for " + escape(role.title()) + ", so we have not sent this one again. "
                          + "If you want to change something in your application, contact " + escape(role.contact().email()) + " and quote your reference.</p>"
                        : "<p>Thank you for applying to be a " + escape(role.title()) + ".</p>")
                + (byEmail ? "<p>We have sent a confirmation email. If you do not receive it within " + role.acknowledgementDays() + " days, please get in touch.</p>"
                           : "<p>As you asked, we will contact you by " + escape(app.contactMethod()) + " to confirm we have your application, within "
                             + role.acknowledgementDays() + " days.</p>")
                + (app.status() == Application.Status.HELD_TO_TALK_FIRST
                        ? "<p>Because of something you told us about who can apply, a member of our team will contact you to talk it through before your application is assessed.</p>" : "")
                + "<h2>Equal opportunities monitoring</h2><p>Please help us check that our recruitment is fair by filling in a short, separate form. "
                + "Your answers are kept apart from your application and are never seen by the people who assess it. Every question has a \"Prefer not to say\" answer.</p>"
                + "<p><a class=\"nhsuk-action-link__link\" href=\"" + escape(monitoringLink) + "\">Fill in the equal opportunities form</a></p>"
                + "<h2>What happens next</h2><ul><li>Applications close on " + escape(role.closingTime().display()) + ".</li>"
                + "<li>A panel will assess applications against the skills and experience the role asks for.</li>"
                + "<li>Interviews will be by " + escape(role.interviewFormat()) + " in the week commencing " + escape(ClosingTime.displayDate(role.interviewWeekCommencing())) + ".</li>"
                + "<li>Everyone who applies will be told whether they have been successful.</li></ul>";
        return Layout.page(title, false, null, s);
    }

    public static String cannotApply(Role role, List<String> reasons) {
        String s = "<h1>You cannot apply for this role</h1><p>Thank you for your interest. Based on your answers, you cannot take this role:</p>"
                + bullets(reasons)
                + "<p>We have not kept the answers you gave. If you think you have answered by mistake, you can <a href=\"/roles/" + escape(role.id()) + "\">start again</a>.</p>"
                + "<p>If you have questions, contact " + escape(role.contact().name()) + " at <a href=\"mailto:" + escape(role.contact().email()) + "\">" + escape(role.contact().email()) + "</a>.</p>"
                + "<p><a href=\"/roles\">See other open roles</a></p>";
        return Layout.page("You cannot apply for this role", false, null, s);
    }

    public static String message(String title, String... paragraphs) {
        StringBuilder s = new StringBuilder("<h1>").append(escape(title)).append("</h1>");
        for (String p : paragraphs) s.append("<p>").append(escape(p)).append("</p>");
        s.append("<p><a href=\"/roles\">See open roles</a></p>");
        return Layout.page(title, false, null, s.toString());
    }

    private static String bullets(List<String> items) {
        StringBuilder s = new StringBuilder("<ul>");
        items.forEach(i -> s.append("<li>").append(escape(i)).append("</li>"));
        return s.append("</ul>").toString();
    }

    private static String[] row(String key, String value) {
        return new String[]{key, value};
    }

    private static String summary(List<String[]> rows) {
        StringBuilder s = new StringBuilder("<dl class=\"nhsuk-summary-list\">");
        for (String[] r : rows) {
            if (r[1] == null || r[1].isBlank()) continue;
            s.append("<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">").append(escape(r[0]))
                    .append("</dt><dd class=\"nhsuk-summary-list__value\">").append(escape(r[1])).append("</dd></div>");
        }
        return s.append("</dl>").toString();
    }
}
