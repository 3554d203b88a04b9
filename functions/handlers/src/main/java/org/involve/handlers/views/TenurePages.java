package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.partners.Partner;
import org.involve.core.partners.ReviewDates;
import org.involve.core.role.Role;
import org.involve.core.tenure.TenureDesk;
import org.involve.core.tenure.TenureReview;

/**
 * The tenure review page: for the partner (from their link) the question whether they would like to carry on; for
 * staff (acting from the partner's record) the review as it stands, the team's answer and the extension.
 */
public final class TenurePages {
    static final Words W = Words.of("tenure");
    public static final String REVIEW_STEP = "tenure-review", EXTEND_STEP = "tenure-extend";

    private TenurePages() {}

    /**
     * @param extendAction where staff post the extension; null on the partner's page
     * @param review       the review of the current end date, or null when none was asked
     */
    public record Page(
            Layout.Chrome chrome,
            String action,
            String extendAction,
            String backLink,
            Partner partner,
            Role role,
            TenureReview review,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            String notice) {
        public boolean staff() {
            return extendAction != null;
        }

        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        public boolean open() {
            return review != null && review.open() && partner.current();
        }

        public String ends() {
            return ClosingTime.displayDate(partner.appointment().ends());
        }

        /** The review is of a review date (the role carries on unless someone stops it), not of the end. */
        public boolean reviewDate() {
            return partner.appointment().reviewDateAhead();
        }

        /** The partner's paragraph: their review date, or the end of their time in the role. */
        public String intro() {
            var a = partner.appointment();
            return reviewDate()
                    ? W.format(
                            "page.review.reviewIntro",
                            "role",
                            role.title(),
                            "date",
                            ClosingTime.displayDate(a.reviewDate()))
                    : W.format("page.review.intro", "role", role.title(), "date", ends());
        }

        public Field answer() {
            String who = staff() ? "staffAnswer" : "partnerAnswer";
            return Field.radios(
                    TenureDesk.ANSWER,
                    W.get("field." + who + ".label"),
                    null,
                    List.of(
                            new Field.Option(
                                    TenureReview.Answer.YES.slug(), W.get("field." + who + ".yes")),
                            new Field.Option(
                                    TenureReview.Answer.NO.slug(),
                                    W.get("field." + who + (reviewDate() ? ".noReview" : ".no")))),
                    W.get("field." + who + ".error"));
        }

        /** Where the review stands, for staff. */
        public List<SummaryRow> facts() {
            var a = partner.appointment();
            List<SummaryRow> rows = new ArrayList<>();
            if (reviewDate()) {
                rows.add(
                        new SummaryRow(
                                W.get("page.review.row.reviewDate"),
                                ClosingTime.displayDate(a.reviewDate())));
                rows.add(
                        new SummaryRow(
                                W.get("page.review.row.nextReview"),
                                ReviewDates.isLast(a, role.tenure())
                                        ? W.format("page.review.lastReview", "latest", ends())
                                        : ClosingTime.displayDate(
                                                ReviewDates.next(a, role.tenure()))));
            }
            rows.add(new SummaryRow(W.get("page.review.row.ends"), ends()));
            if (!reviewDate())
                rows.add(
                        new SummaryRow(
                                W.get("page.review.row.extensions"),
                                W.format(
                                        "page.review.extensionsUsed",
                                        "used",
                                        a.extensionsUsed(),
                                        "allowed",
                                        role.tenure().extensionsAllowed(),
                                        "latest",
                                        ClosingTime.displayDate(a.latestEnd()))));
            rows.add(
                    new SummaryRow(
                            W.get("page.review.row.asked"),
                            review == null
                                    ? W.get("page.review.notAsked")
                                    : ClosingTime.displayDate(review.askedOn())
                                            + (review.chasedOn() == null
                                                    ? ""
                                                    : W.format(
                                                            "page.review.chased",
                                                            "date",
                                                            ClosingTime.displayDate(
                                                                    review.chasedOn())))));
            if (review != null) {
                rows.add(
                        new SummaryRow(
                                W.get("page.review.row.partner"),
                                said("partner", review.partnerAnswer())));
                rows.add(
                        new SummaryRow(
                                W.get("page.review.row.team"), said("team", review.staffAnswer())));
            }
            return rows;
        }

        private static String said(String who, TenureReview.Answer a) {
            return W.get("page.review." + who + "." + (a == null ? "waiting" : a.slug()));
        }
    }

    public static String review(Page page) {
        return Templates.render("tenure/review.jte", page);
    }
}
