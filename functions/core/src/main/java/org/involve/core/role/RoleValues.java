package org.involve.core.role;

import static org.involve.core.role.RoleForm.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.kit.DateInput;

/** The role form's values: the defaults of a blank form, and an existing role's values for editing it. */
final class RoleValues {
    private RoleValues() {}

    /** Values for a blank form: the defaults the seeds suggest. */
    static Map<String, String> defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(PLACES, "1");
        v.put(PRIORITY_PLACES, "0");
        v.put(INTERVIEW_FORMAT, "video call");
        v.put(REFERENCES, "2");
        v.put(ACK_DAYS, "5");
        v.put(MIN_MEETINGS, "0");
        v.put(MIN_PERCENT, "80");
        v.put(INITIAL_YEARS, "2");
        v.put(EXTENSION_YEARS, "2");
        v.put(EXTENSIONS, "1");
        v.put(MAX_YEARS, "4");
        v.put(FULL_DAY_HOURS, "4");
        v.put(ALL_NHS, "no");
        v.put(MAX_PAID, "3");
        return v;
    }

    /** A role's values in the form's terms, for editing it. */
    static Map<String, String> of(Role r) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(TITLE, r.title());
        v.put(PROGRAMME, nz(r.programme()));
        v.put(ORGANISATION, nz(r.organisation()));
        v.put(SUMMARY, nz(r.summary()));
        v.put(DOES, String.join("\n", r.whatTheRoleDoes()));
        v.put(LOOKING_FOR, String.join("\n", r.whoWeAreLookingFor()));
        v.put(PLACES, String.valueOf(r.places()));
        v.put(PLACES_NOTE, nz(r.placesNote()));
        v.put(PRIORITY_PLACES, String.valueOf(r.priorityPlaces()));
        v.put(PRIORITY_COMMUNITIES, String.join("\n", r.priorityCommunities()));
        v.put(
                CRITERIA,
                String.join(
                        "\n",
                        r.criteria().stream()
                                .map(c -> (c.essential() ? "E: " : "D: ") + c.statement())
                                .toList()));
        putDate(v, CLOSING, r.closingDate());
        putDate(v, INTERVIEW_WEEK, r.interviewWeekCommencing());
        v.put(INTERVIEW_FORMAT, nz(r.interviewFormat()));
        v.put(REFERENCES, String.valueOf(r.referencesRequired()));
        v.put(ACK_DAYS, String.valueOf(r.acknowledgementDays()));
        if (r.commitment() != null) {
            v.put(MEETINGS, nz(r.commitment().meetings()));
            v.put(TIME_ASKED, nz(r.commitment().timeAsked()));
            v.put(MIN_MEETINGS, String.valueOf(r.commitment().minimumMeetingsPerYear()));
            v.put(MIN_PERCENT, String.valueOf(r.commitment().minimumAttendancePercent()));
        }
        if (r.tenure() != null) {
            v.put(INITIAL_YEARS, String.valueOf(r.tenure().initialYears()));
            v.put(EXTENSION_YEARS, String.valueOf(r.tenure().extensionYears()));
            v.put(EXTENSIONS, String.valueOf(r.tenure().extensionsAllowed()));
            v.put(MAX_YEARS, String.valueOf(r.tenure().maximumYears()));
            putDate(v, REVIEW, r.tenure().reviewDate());
        }
        if (r.payment() != null) {
            PaymentModel p = r.payment();
            v.put(PAYMENT, p.kind().name());
            if (p.kind() == PaymentModel.Kind.DAY_RATE) {
                v.put(FULL_DAY, pounds(p.fullDayPence()));
                v.put(HALF_DAY, pounds(p.halfDayPence()));
                v.put(FULL_DAY_HOURS, String.valueOf(p.fullDayMinimumMinutes() / 60));
            }
            if (p.kind() == PaymentModel.Kind.MONTHLY_FIXED) {
                v.put(MONTHLY, pounds(p.monthlyPence()));
                v.put(MONTHLY_HOURS, String.valueOf(p.monthlyHoursIncluded()));
            }
        }
        if (r.eligibility() != null) {
            v.put(ALL_NHS, r.eligibility().excludesAllNhsStaff() ? "yes" : "no");
            v.put(MAX_PAID, String.valueOf(r.eligibility().maximumPaidRoles()));
        }
        if (r.contact() != null) {
            v.put(CONTACT_NAME, nz(r.contact().name()));
            v.put(CONTACT_EMAIL, nz(r.contact().email()));
            v.put(CONTACT_PHONE, nz(r.contact().phone()));
            v.put(TEAM_EMAIL, nz(r.contact().teamEmail()));
            v.put(BENEFITS_EMAIL, nz(r.contact().benefitsAdviceEmail()));
        }
        return v;
    }

    private static void putDate(Map<String, String> v, String name, LocalDate d) {
        if (d != null) v.putAll(DateInput.values(name, d));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String pounds(int pence) {
        return pence % 100 == 0
                ? String.valueOf(pence / 100)
                : String.format("%d.%02d", pence / 100, pence % 100);
    }
}
