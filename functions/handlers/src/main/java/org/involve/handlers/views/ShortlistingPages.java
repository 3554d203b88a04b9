package org.involve.handlers.views;

import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.ClosingTime;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.ApplicantResult;
import org.involve.core.shortlisting.CriterionResult;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.involve.core.kit.Html.escape;

/**
 * The shortlisting pages. Everything on them comes from anonymised papers, scores and the role: an applicant is an
 * anonymous id, a panel member is "You" or "Panel member 1". The staff-only parts (recording the shortlist, preparing
 * papers again) are offered only to those with RECORD_SHORTLIST, and their routes check it again.
 */
public final class ShortlistingPages {
    public static final String AREA = "/staff/shortlisting";

    private ShortlistingPages() {}

    public static String base(String roleId) {
        return AREA + "/" + roleId;
    }

    // ---------- the panel's pages ----------

    public static String roles(StaffMember member, List<ShortlistingPanel.RoleProgress> roles) {
        StringBuilder s = new StringBuilder("<h1>Shortlisting</h1><p>Score each application against the role's criteria. "
                + "Names, contact details and equal opportunities answers have been removed: applicants are known by a code.</p>");
        if (roles.isEmpty()) {
            s.append("<p>No roles are being shortlisted at the moment. Roles come here when their closing date has passed.</p>");
        } else {
            s.append(tableStart("Roles being shortlisted", "Role", "Closed", "Applicants", "You have scored", "Shortlist"));
            for (var r : roles) {
                s.append("<tr class=\"nhsuk-table__row\">").append(cell("<a href=\"" + escape(base(r.role().id())) + "\">" + escape(r.role().title()) + "</a>"))
                        .append(cell(escape(r.role().closingTime().display())))
                        .append(numeric(r.applicants())).append(numeric(r.scoredByMe()))
                        .append(cell(r.shortlistRecorded() ? tag("Recorded", "green") : tag("Not recorded yet", "grey"))).append("</tr>");
            }
            s.append("</tbody></table>");
        }
        return StaffLayout.widePage(member, AREA, "Shortlisting", false, null, s.toString());
    }

    public static String papers(StaffMember member, ShortlistingPanel.Papers p, ScoreScale scale, String notice, String problem) {
        Role r = p.role();
        StringBuilder s = new StringBuilder();
        if (problem != null) s.append(FormFields.problemSummary(problem));
        if (notice != null) s.append(Templates.render("components/notification.jte", Map.of("text", notice)));
        s.append(caption(r)).append("<h1>").append(escape(r.title())).append("</h1>");
        p.decision().ifPresent(d -> s.append(recordedInset(d)));
        s.append("<p>You have scored <strong>").append(p.doneByMe()).append(" of ").append(p.applicants().size())
                .append("</strong> applicants against all ").append(r.criteria().size()).append(" criteria.</p>")
                .append(scaleDetails(scale));
        if (p.applicants().isEmpty()) {
            s.append("<p>There are no applications to score for this role.</p>");
        } else {
            s.append(tableStart("Applicants, known by a code", "Applicant", "Your scores", "Action"));
            for (var a : p.applicants()) {
                String action = p.decision().isPresent() ? "See answers" : a.scoredByMe() == 0 ? "Score" : "Change scores";
                s.append("<tr class=\"nhsuk-table__row\">").append(cell(escape(a.applicantId())))
                        .append(cell(a.done() ? tag("Scored", "green") : a.scoredByMe() + " of " + a.criteria() + " criteria"))
                        .append(cell("<a href=\"" + escape(base(r.id()) + "/applicants/" + a.applicantId()) + "\">" + action
                                + "<span class=\"nhsuk-u-visually-hidden\"> for applicant " + escape(a.applicantId()) + "</span></a>"))
                        .append("</tr>");
            }
            s.append("</tbody></table>");
        }
        s.append("<h2>When the panel has scored</h2><p><a href=\"").append(escape(base(r.id()))).append("/results\">See everyone's scores added up</a></p>");
        if (member.may(Permission.RECORD_SHORTLIST) && p.decision().isEmpty()) {
            s.append("<p><a href=\"").append(escape(base(r.id()))).append("/shortlist\">Record the shortlist</a></p>")
                    .append(prepareAgain(r));
        }
        return StaffLayout.widePage(member, AREA, r.title() + ": shortlisting", problem != null, AREA, s.toString());
    }

    /** One applicant's answers, each beside a score from the scale; the scores given so far are kept on a second try. */
    public static String sheet(StaffMember member, ShortlistingPanel.Sheet sheet, ScoreScale scale, Map<String, String> posted, FieldErrors errors) {
        Role r = sheet.role();
        AnonymisedApplication a = sheet.paper();
        boolean hasErrors = errors != null && !errors.isEmpty();
        StringBuilder s = new StringBuilder(hasErrors ? FormFields.errorSummary(errors) : "");
        s.append(caption(r)).append("<h1>Applicant ").append(escape(a.applicantId())).append("</h1>")
                .append("<p>Applicant ").append(sheet.position()).append(" of ").append(sheet.of()).append(". Score each answer on what it shows, ")
                .append("not on how it is written.</p>");
        s.append("<h2>About them</h2>").append(summaryList(List.of(
                new String[]{"Their lived experience", a.livedExperience()},
                new String[]{"Networks they draw on", a.networks()},
                new String[]{"Areas that interest them", a.interestAreas()})));
        if (!r.priorityCommunities().isEmpty()) {
            s.append(summaryList(List.<String[]>of(new String[]{"Connection with the role's priority communities",
                    a.hasPriorityConnection() ? a.priorityConnection() : "None given"})));
        }
        if (sheet.locked()) {
            s.append(inset("The shortlist for this role has been recorded, so scores can no longer be changed."));
        } else {
            s.append("<form method=\"post\" action=\"").append(escape(base(r.id()) + "/applicants/" + a.applicantId())).append("\" novalidate>");
        }
        int n = 0;
        for (Criterion c : r.criteria()) {
            n++;
            String field = ShortlistingPanel.FIELD_PREFIX + c.id();
            String value = posted != null ? posted.getOrDefault(field, "")
                    : sheet.myScores().containsKey(c.id()) ? String.valueOf(sheet.myScores().get(c.id())) : "";
            s.append("<h2 class=\"nhsuk-heading-m\">Criterion ").append(n).append(" (").append(c.essential() ? "essential" : "desirable").append(")</h2>")
                    .append("<p><strong>").append(escape(c.statement())).append("</strong></p>")
                    .append("<h3 class=\"nhsuk-heading-s\">Their answer</h3>")
                    .append("<blockquote class=\"nhsuk-inset-text\">").append(paragraphs(a.answerTo(c))).append("</blockquote>");
            if (sheet.locked()) {
                s.append("<p>Your score: ").append(value.isEmpty() ? "not scored" : escape(value + " - " + scale.label(Integer.parseInt(value)))).append("</p>");
            } else {
                s.append(FormFields.field(scoreField(field, c, scale), value, errors == null ? null : errors.asMap().get(field)));
            }
        }
        if (!sheet.locked()) s.append(FormFields.button("Save and go to the next applicant")).append("</form>");
        s.append("<p><a href=\"").append(escape(base(r.id()))).append("\">Back to the list of applicants</a></p>");
        return StaffLayout.page(member, AREA, "Applicant " + a.applicantId(), hasErrors, base(r.id()), s.toString());
    }

    public static String results(StaffMember member, ShortlistingPanel.Results results, ScoreScale scale) {
        Role r = results.role();
        StringBuilder s = new StringBuilder(caption(r)).append("<h1>Everyone's scores</h1>");
        results.decision().ifPresent(d -> s.append(recordedInset(d)));
        s.append("<p>").append(results.panelMembersFinished() == 1 ? "1 panel member has" : results.panelMembersFinished() + " panel members have")
                .append(" scored every applicant.</p>");
        if (!results.visible()) {
            s.append(inset("You can see everyone's scores once you have scored every applicant yourself, so that other scores do not sway yours."))
                    .append("<p><a href=\"").append(escape(base(r.id()))).append("\">Go to the applicants</a></p>");
            return StaffLayout.page(member, AREA, "Everyone's scores: " + r.title(), false, base(r.id()), s.toString());
        }
        s.append("<p>Each total adds up the panel's average score for each criterion. Applicants are listed best first: by the essential ")
                .append("criteria, then the desirable ones. A criterion is met when its average is at least ").append(scale.meets())
                .append(" (").append(escape(scale.label(scale.meets()).toLowerCase(Locale.UK))).append(").</p>");
        if (results.results().isEmpty()) {
            s.append("<p>There are no applications for this role.</p>");
            return StaffLayout.widePage(member, AREA, "Everyone's scores: " + r.title(), false, base(r.id()), s.toString());
        }
        s.append(tableStart("Applicants in rank order", "Rank", "Applicant", "Essential total", "Desirable total", "Notes"));
        int rank = 0;
        for (ApplicantResult a : results.results()) {
            s.append("<tr class=\"nhsuk-table__row\">").append(numeric(++rank)).append(cell("<a href=\"#" + escape(a.applicantId()) + "\">" + escape(a.applicantId()) + "</a>"))
                    .append(numericText(total(a.essentialTotal()))).append(numericText(total(a.desirableTotal())))
                    .append(cell(String.join(" ", notes(a, r)))).append("</tr>");
        }
        s.append("</tbody></table>");
        s.append("<h2>Scores for each criterion</h2>");
        for (ApplicantResult a : results.results()) {
            s.append(tableStart("Applicant " + a.applicantId(), "Criterion", "Scores", "Average").replaceFirst("<table ", "<table id=\"" + escape(a.applicantId()) + "\" "));
            for (CriterionResult c : a.criteria()) {
                List<String> given = new ArrayList<>();
                c.pointsByPanelMember().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> given.add(results.label(e.getKey()) + ": " + e.getValue()));
                s.append("<tr class=\"nhsuk-table__row\">")
                        .append(cell(escape(c.statement()) + (c.essential() ? " (essential)" : " (desirable)")
                                + (c.disagreement() ? " " + tag("Scores differ: talk it over", "orange") : "")))
                        .append(cell(given.isEmpty() ? "Not scored yet" : escape(String.join(", ", given))))
                        .append(numericText(c.scored() ? total(c.average()) : "-")).append("</tr>");
            }
            s.append("</tbody></table>");
        }
        if (member.may(Permission.RECORD_SHORTLIST) && results.decision().isEmpty()) {
            s.append("<p><a class=\"nhsuk-button\" data-module=\"nhsuk-button\" href=\"").append(escape(base(r.id()))).append("/shortlist\">Record the shortlist</a></p>");
        }
        return StaffLayout.widePage(member, AREA, "Everyone's scores: " + r.title(), false, base(r.id()), s.toString());
    }

    // ---------- staff: recording the shortlist ----------

    public static final String HIGH_VOLUME = "highVolume", HIGH_VOLUME_REASON = "highVolumeReason", INVITE_PREFIX = "invite-";

    /**
     * The shortlist form, or the recorded decision. Disability Confident applicants who meet every essential criterion
     * start ticked; after a refusal, the ticks are as sent.
     */
    public static String shortlist(StaffMember member, ShortlistRecording.Proposal p, Map<String, String> posted, List<String> problems, String notice) {
        Role r = p.role();
        boolean hasErrors = problems != null && !problems.isEmpty();
        StringBuilder s = new StringBuilder();
        if (hasErrors) s.append(FormFields.problemsSummary(problems, firstAnchor(p)));
        if (notice != null) s.append(Templates.render("components/notification.jte", Map.of("text", notice)));
        s.append(caption(r));
        if (p.decision().isPresent()) {
            ShortlistDecision d = p.decision().get();
            s.append("<h1>The shortlist is recorded</h1>").append(recordedInset(d))
                    .append("<h2>Invited to interview, in rank order</h2><ol class=\"nhsuk-list nhsuk-list--number\">");
            d.invited().forEach(id -> s.append("<li>Applicant ").append(escape(id)).append("</li>"));
            s.append("</ol>");
            if (d.highVolume()) s.append("<p>Recorded as a high-volume round: ").append(escape(d.highVolumeReason())).append("</p>");
            s.append(warnings(p.warnings()))
                    .append("<p>The applications have moved on: those invited to \"Invited to interview\", the others to \"Not invited to interview\". ")
                    .append("Those not invited hear with the round's outcomes.</p>")
                    .append("<p><a class=\"nhsuk-button\" data-module=\"nhsuk-button\" href=\"/staff/interviews/").append(escape(r.id()))
                    .append("\">Arrange interviews</a></p>");
            return StaffLayout.page(member, AREA, "Shortlist recorded: " + r.title(), false, base(r.id()), s.toString());
        }
        s.append("<h1>Record the shortlist</h1>");
        if (p.unprepared() > 0) {
            s.append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\">"
                    + "<span class=\"nhsuk-u-visually-hidden\">Important: </span>Some applications have no papers yet</span></h2><p>")
                    .append(p.unprepared()).append(p.unprepared() == 1 ? " application was" : " applications were")
                    .append(" received or released after the papers were prepared. Prepare the papers again so the panel can score ")
                    .append(p.unprepared() == 1 ? "it" : "them").append(".</p>").append(prepareAgain(r)).append("</div>");
        }
        s.append("<p>The role has ").append(r.places()).append(r.places() == 1 ? " place" : " places");
        if (r.priorityPlaces() > 0) {
            s.append(", and at least ").append(r.priorityPlaces()).append(" for people with a connection with ")
                    .append(escape(String.join(", ", r.priorityCommunities())));
        }
        s.append(". Applicants are listed best first. Anyone who asked to be considered under the Disability Confident scheme and meets ")
                .append("every essential criterion must be offered an interview, so they start ticked.</p>");
        if (p.results().isEmpty()) {
            s.append("<p>There are no applications to shortlist.</p>");
            return StaffLayout.page(member, AREA, "Record the shortlist: " + r.title(), hasErrors, base(r.id()), s.toString());
        }
        s.append("<form method=\"post\" action=\"").append(escape(base(r.id()))).append("/shortlist\" novalidate>")
                .append("<div class=\"nhsuk-form-group").append(hasErrors ? " nhsuk-form-group--error" : "").append("\"><fieldset class=\"nhsuk-fieldset\" aria-describedby=\"invited-hint\">")
                .append("<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--m\"><h2 class=\"nhsuk-fieldset__heading\">Who is invited to interview?</h2></legend>")
                .append("<div class=\"nhsuk-hint\" id=\"invited-hint\">Select everyone you are inviting.</div><div class=\"nhsuk-checkboxes\" data-module=\"nhsuk-checkboxes\">");
        for (ApplicantResult a : p.results()) {
            String name = INVITE_PREFIX + a.applicantId();
            boolean ticked = posted == null ? a.guaranteedInterview() : "yes".equals(posted.get(name));
            s.append("<div class=\"nhsuk-checkboxes__item\"><input class=\"nhsuk-checkboxes__input\" id=\"").append(escape(name)).append("\" name=\"")
                    .append(escape(name)).append("\" type=\"checkbox\" value=\"yes\"").append(ticked ? " checked" : "")
                    .append(" aria-describedby=\"").append(escape(name)).append("-hint\"><label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"")
                    .append(escape(name)).append("\">Applicant ").append(escape(a.applicantId())).append("</label><div class=\"nhsuk-hint nhsuk-checkboxes__hint\" id=\"")
                    .append(escape(name)).append("-hint\">Essential ").append(total(a.essentialTotal())).append(", desirable ").append(total(a.desirableTotal()))
                    .append(". ").append(String.join(" ", notes(a, r))).append("</div></div>");
        }
        s.append("</div></fieldset></div>");
        String high = posted == null ? "" : posted.getOrDefault(HIGH_VOLUME, "");
        s.append("<h2 class=\"nhsuk-heading-m\">High-volume rounds</h2><p>Only in a high-volume round may some Disability Confident applicants ")
                .append("who meet the essential criteria be left out, and then only those who meet the criteria less well than everyone invited.</p>")
                .append(FormFields.field(Field.agree(HIGH_VOLUME, "This is a high-volume round", null, ""), high, null))
                .append(FormFields.field(Field.textarea(HIGH_VOLUME_REASON, "If it is high volume, say why", "For example, how many applied for how many places.",
                        false, 500, ""), posted == null ? "" : posted.getOrDefault(HIGH_VOLUME_REASON, ""), null))
                .append(FormFields.button("Record the shortlist")).append("</form>");
        return StaffLayout.page(member, AREA, "Record the shortlist: " + r.title(), hasErrors, base(r.id()), s.toString());
    }

    // ---------- pieces ----------

    private static Field scoreField(String name, Criterion c, ScoreScale scale) {
        List<Field.Option> options = IntStream.rangeClosed(0, scale.highest())
                .mapToObj(i -> new Field.Option(String.valueOf(i), i + " - " + scale.label(i))).toList();
        return Field.radios(name, "Your score for criterion: " + c.statement(), null, options, "");
    }

    private static String scaleDetails(ScoreScale scale) {
        StringBuilder s = new StringBuilder("<details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\"><span class=\"nhsuk-details__summary-text\">"
                + "What the scores mean</span></summary><div class=\"nhsuk-details__text\"><ul>");
        for (int i = 0; i <= scale.highest(); i++) s.append("<li><strong>").append(i).append("</strong>: ").append(escape(scale.label(i))).append("</li>");
        return s.append("</ul><p>A criterion is met when the panel's average is at least ").append(scale.meets()).append(".</p></div></details>").toString();
    }

    private static List<String> notes(ApplicantResult a, Role r) {
        List<String> notes = new ArrayList<>();
        if (a.guaranteedInterview()) notes.add(tag("Guaranteed interview (Disability Confident)", "purple"));
        if (a.priorityConnection() && !r.priorityCommunities().isEmpty()) notes.add(tag("Connection with priority communities", "blue"));
        if (!a.fullyScored()) notes.add(tag("Not fully scored", "grey"));
        else if (!a.meetsAllEssentials()) notes.add(tag("Does not meet every essential criterion", "white"));
        if (a.hasDisagreement()) notes.add(tag("Scores differ on " + a.disagreements().size() + (a.disagreements().size() == 1 ? " criterion" : " criteria"), "orange"));
        return notes;
    }

    private static String recordedInset(ShortlistDecision d) {
        return inset("The shortlist was recorded on " + UkTime.display(d.decidedAt()) + ": "
                + d.invited().size() + " invited to interview. Scores can no longer be changed.");
    }

    private static String warnings(List<String> warnings) {
        if (warnings.isEmpty()) return "";
        StringBuilder s = new StringBuilder("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\">"
                + "<span class=\"nhsuk-u-visually-hidden\">Important: </span>Please note</span></h2><ul>");
        warnings.forEach(w -> s.append("<li>").append(escape(w)).append("</li>"));
        return s.append("</ul></div>").toString();
    }

    private static String prepareAgain(Role r) {
        return "<p>If an application was released from the talk-to-us-first queue after closing, prepare the papers again to add it for the panel. "
                + "Papers already there stay as they are.</p>"
                + Templates.render("components/postButton.jte", Map.of("action", base(r.id()) + "/papers", "text", "Prepare the papers again", "modifier", "nhsuk-button--secondary"));
    }

    private static String firstAnchor(ShortlistRecording.Proposal p) {
        return p.results().isEmpty() ? "main-content" : INVITE_PREFIX + p.results().get(0).applicantId();
    }

    private static String caption(Role r) {
        return "<span class=\"nhsuk-caption-l\">" + escape(r.title()) + ", closed " + escape(ClosingTime.displayDate(r.closingDate())) + "</span>";
    }

    private static String inset(String text) {
        return "<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p>" + escape(text) + "</p></div>";
    }

    private static String tag(String text, String colour) {
        return "<strong class=\"nhsuk-tag nhsuk-tag--" + colour + "\">" + escape(text) + "</strong>";
    }

    private static String total(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.UK, "%.1f", value);
    }

    private static String paragraphs(String text) {
        if (text == null || text.isBlank()) return "<p>No answer given.</p>";
        StringBuilder s = new StringBuilder();
        for (String p : text.strip().split("\\n\\s*\\n")) s.append("<p>").append(escape(p.strip()).replace("\n", "<br>")).append("</p>");
        return s.toString();
    }

    private static String summaryList(List<String[]> rows) {
        StringBuilder s = new StringBuilder("<dl class=\"nhsuk-summary-list\">");
        for (String[] r : rows) {
            s.append("<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">").append(escape(r[0]))
                    .append("</dt><dd class=\"nhsuk-summary-list__value\">").append(r[1] == null || r[1].isBlank() ? "None given" : escape(r[1]).replace("\n", "<br>"))
                    .append("</dd></div>");
        }
        return s.append("</dl>").toString();
    }

    private static String tableStart(String caption, String... headers) {
        StringBuilder s = new StringBuilder("<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">").append(escape(caption))
                .append("</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
        for (String h : headers) s.append("<th scope=\"col\" class=\"nhsuk-table__header\">").append(escape(h)).append("</th>");
        return s.append("</tr></thead><tbody class=\"nhsuk-table__body\">").toString();
    }

    private static String cell(String html) {
        return "<td class=\"nhsuk-table__cell\">" + html + "</td>";
    }

    private static String numeric(int n) {
        return numericText(String.valueOf(n));
    }

    private static String numericText(String text) {
        return "<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">" + escape(text) + "</td>";
    }
}
