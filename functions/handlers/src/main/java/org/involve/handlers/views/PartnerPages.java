package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkRefusal;
import org.involve.core.meetings.PartnerMeetings;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.ItSupport;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDocument;
import org.involve.core.partners.PartnerForms;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;

/**
 * The partner's pages (templates in partners/): "your involvement" behind their link, each thing they can do there
 * (shared with staff acting for them), the page for a link that cannot be used, and asking for a new link.
 */
public final class PartnerPages {
    private static final Words W = Words.of("partners");

    private PartnerPages() {}

    /** "Your involvement": {@code base} is the address of this page (the link), {@code notice} after a change. */
    public record InvolvementPage(
            String base,
            Partner partner,
            Role role,
            List<SummaryRow> facts,
            String notice,
            boolean reviewOpen,
            boolean checkInOpen,
            PartnerMeetings.Listing meetings) {
        public List<PartnerDocument> documents() {
            return List.of(PartnerDocument.values());
        }

        public String agreed(PartnerDocument d) {
            return PartnerPages.agreed(partner, d);
        }
    }

    /**
     * One step's form. {@code action} is where it posts; {@code backLink} the page it came from; {@code actingFor}
     * the partner's name when staff act for them (null for the partner themselves).
     */
    public record Step(
            Layout.Chrome chrome,
            String step,
            String action,
            String backLink,
            Partner partner,
            Role role,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            String actingFor) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        public PartnerDocument document() {
            return PartnerDocument.fromSlug(step);
        }

        /** Why the step cannot be taken in the partner's state now, or null: the page says so instead of a form. */
        public String closed() {
            return PartnerChanges.closed(partner, step, actingFor != null).orElse(null);
        }

        public List<ItSupport> waitingForIt() {
            return PartnerChanges.waitingForIt(partner);
        }
    }

    public record NewLink(Map<String, String> values, FieldErrors errors) {}

    /**
     * The partner's page: {@code reviewOpen}, they are asked whether they would like to carry on (the tenure review);
     * {@code checkInOpen}, their annual check-in waits for their answer; {@code meetings}, the meetings they were
     * invited to (null: not listed).
     */
    public static String involvement(
            String base,
            Partner p,
            Role role,
            String notice,
            boolean reviewOpen,
            boolean checkInOpen,
            PartnerMeetings.Listing meetings) {
        return Templates.render(
                "partners/involvement.jte",
                new InvolvementPage(
                        base, p, role, facts(p, role), notice, reviewOpen, checkInOpen, meetings));
    }

    public static String step(Step step) {
        return Templates.render("partners/step.jte", step);
    }

    public static String refused(LinkRefusal reason) {
        return Templates.render("partners/refused.jte", reason);
    }

    public static String newLink(Map<String, String> values, FieldErrors errors) {
        return Templates.render("partners/newLink.jte", new NewLink(values, errors));
    }

    public static String linkSent() {
        return Templates.render("partners/linkSent.jte", "");
    }

    /** The role, its dates and status, as the partner sees them (once they have left: their last day, not the term's end). */
    public static List<SummaryRow> facts(Partner p, Role role) {
        var a = p.appointment();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("page.you.row.role", role.title()));
        rows.add(row("page.you.row.status", status(p)));
        rows.add(row("page.you.row.starts", ClosingTime.displayDate(a.start())));
        if (!p.current() && p.involvement().lastDayInRole() != null) {
            rows.add(row("page.you.row.lastDay", ClosingTime.displayDate(p.lastDayInRole())));
        } else {
            if (a.termEnds() != null)
                rows.add(row("page.you.row.termEnds", ClosingTime.displayDate(a.termEnds())));
            if (a.reviewDate() != null)
                rows.add(row("page.you.row.review", ClosingTime.displayDate(a.reviewDate())));
        }
        rows.add(row("page.you.row.payment", StaffPartnerPages.payment(a)));
        if (p.current() || p.involvement().inductionDone() != null)
            rows.add(
                    row(
                            "page.you.row.induction",
                            p.involvement().inductionDone() == null
                                    ? W.get("page.you.induction.notYet")
                                    : W.format(
                                            "page.you.induction.done",
                                            "date",
                                            ClosingTime.displayDate(
                                                    p.involvement().inductionDone()))));
        return rows;
    }

    /** How they are reached, their adjustments and interest areas. */
    public static List<SummaryRow> details(Partner p) {
        var i = p.involvement();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("page.you.row.name", i.name()));
        rows.add(row("page.you.row.contactBy", W.get("field.contactMethod." + i.contactMethod())));
        rows.add(row("page.you.row.email", i.email()));
        rows.add(row("page.you.row.phone", i.phone()));
        rows.add(
                new SummaryRow(
                        W.get("page.you.row.address"),
                        String.join(
                                "\n",
                                List.of(i.addressLine1(), i.townOrCity(), i.postcode()).stream()
                                        .filter(s -> !s.isEmpty())
                                        .toList())));
        rows.add(row("page.you.row.adjustments", i.adjustments()));
        rows.add(row("page.you.row.interestAreas", i.interestAreas()));
        return rows;
    }

    /** IT support asked for, and given. */
    public static List<SummaryRow> itSupport(Partner p) {
        List<SummaryRow> rows = new ArrayList<>();
        for (ItSupport k : ItSupport.values()) {
            Involvement.ItRequest r = p.involvement().itSupport().get(k);
            if (r == null) continue;
            String state =
                    r.given() == null
                            ? W.format(
                                    "page.you.it.asked", "date", ClosingTime.displayDate(r.asked()))
                            : W.format(
                                    "page.you.it.given",
                                    "asked",
                                    ClosingTime.displayDate(r.asked()),
                                    "date",
                                    ClosingTime.displayDate(r.given()));
            rows.add(
                    new SummaryRow(
                            W.get("field.itKind." + k.slug()),
                            r.detail().isEmpty() ? state : state + "\n" + r.detail()));
        }
        return rows;
    }

    public static String status(Partner p) {
        if (p.status() == PartnerStatus.PAUSED && p.involvement().returnDate() != null)
            return W.format(
                    "page.you.status.pausedUntil",
                    "date",
                    ClosingTime.displayDate(p.involvement().returnDate()));
        return W.get("page.record.status." + p.status().name());
    }

    /** "Agreed on 2 May 2026 (version 2026-1)", or empty when not agreed in the current version. */
    public static String agreed(Partner p, PartnerDocument d) {
        Involvement.Agreed a = p.involvement().documents().get(d);
        if (a == null || !a.version().equals(PartnerForms.version(d))) return "";
        return W.format(
                "page.you.documents.agreed",
                "date",
                ClosingTime.displayDate(a.on()),
                "version",
                a.version());
    }

    private static SummaryRow row(String key, String value) {
        return new SummaryRow(W.get(key), value);
    }
}
