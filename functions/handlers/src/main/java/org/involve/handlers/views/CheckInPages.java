package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.partners.Partner;
import org.involve.core.role.Role;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInDesk;

/**
 * The annual check-in page: for the partner (from their link) the short form (how it is going, support needed); for
 * staff (from the partner's record) what the partner said and the form to record the conversation, carrying the
 * check-in's version.
 */
public final class CheckInPages {
    static final Words W = Words.of("tenure");

    private CheckInPages() {}

    /**
     * @param staff   staff acting from the partner's record (false: the partner from their link)
     * @param checkIn the latest check-in, or null when none was asked yet
     */
    public record Page(
            Layout.Chrome chrome,
            boolean staff,
            String action,
            String backLink,
            Partner partner,
            Role role,
            CheckIn checkIn,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            String notice) {

        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        /** There is a check-in to answer or record. */
        public boolean open() {
            return checkIn != null && partner.current();
        }

        public String value(String name, String stored) {
            if (values.containsKey(name)) return values.get(name);
            return stored == null ? "" : stored;
        }

        public Field howGoing() {
            return Field.textarea(
                    CheckInDesk.HOW_GOING,
                    W.get("field.howGoing.label"),
                    W.get("field.howGoing.hint"),
                    true,
                    2000,
                    W.get("field.howGoing.error"));
        }

        public Field support() {
            return Field.textarea(
                    CheckInDesk.SUPPORT,
                    W.get("field.support.label"),
                    W.get("field.support.hint"),
                    false,
                    2000,
                    null);
        }

        public Field notes() {
            return Field.textarea(
                    CheckInDesk.NOTES,
                    W.get("field.checkInNotes.label"),
                    W.get("field.checkInNotes.hint"),
                    true,
                    4000,
                    W.get("field.checkInNotes.error"));
        }

        /** Where the check-in stands, for staff. */
        public List<SummaryRow> facts() {
            List<SummaryRow> rows = new ArrayList<>();
            if (checkIn == null) return rows;
            rows.add(
                    new SummaryRow(
                            W.get("page.checkIn.row.due"),
                            W.format(
                                    "page.checkIn.due",
                                    "years",
                                    checkIn.year(),
                                    "date",
                                    ClosingTime.displayDate(checkIn.due()))));
            rows.add(
                    new SummaryRow(
                            W.get("page.checkIn.row.asked"),
                            ClosingTime.displayDate(checkIn.askedOn())
                                    + " "
                                    + W.get(
                                            checkIn.byEmail()
                                                    ? "page.checkIn.byEmail"
                                                    : "page.checkIn.byTeam")
                                    + (checkIn.chasedOn() == null
                                            ? ""
                                            : " "
                                                    + W.format(
                                                            "page.checkIn.chased",
                                                            "date",
                                                            ClosingTime.displayDate(
                                                                    checkIn.chasedOn())))));
            rows.add(
                    new SummaryRow(
                            W.get("page.checkIn.row.howGoing"),
                            checkIn.partnerAnswered()
                                    ? checkIn.howGoing()
                                    : W.get("page.checkIn.notAnswered")));
            if (checkIn.partnerAnswered())
                rows.add(
                        new SummaryRow(
                                W.get("page.checkIn.row.support"),
                                checkIn.support() == null || checkIn.support().isEmpty()
                                        ? W.get("page.checkIn.noSupport")
                                        : checkIn.support()));
            rows.add(
                    new SummaryRow(
                            W.get("page.checkIn.row.recorded"),
                            checkIn.held()
                                    ? ClosingTime.displayDate(checkIn.recordedOn())
                                    : W.get("page.checkIn.notRecorded")));
            return rows;
        }
    }

    public static String checkIn(Page page) {
        return Templates.render("tenure/checkIn.jte", page);
    }
}
