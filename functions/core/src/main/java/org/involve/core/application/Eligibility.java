package org.involve.core.application;

import org.involve.core.role.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who can be a partner. Four exclusions refuse outright, with the reason in plain words; four
 * circumstances mean the team must talk to the applicant first, so the application is held, not refused.
 */
public final class Eligibility {
    public static final String NHS_BOARD = "nhsBoardMember";
    public static final String NHS_STAFF = "nhsStaff";
    public static final String HEALTH_PROFESSIONAL = "practisingHealthProfessional";
    public static final String ELECTED_OFFICE = "electedOffice";
    public static final String TRUSTEE_REMOVED = "removedAsTrustee";
    public static final String PROFESSIONAL_SANCTION = "professionalBodySanction";
    public static final String APPOINTMENT_TERMINATED = "publicAppointmentEnded";
    public static final String DISQUALIFIED = "directorDisqualified";

    public enum Verdict { ELIGIBLE, TALK_TO_US_FIRST, CANNOT_APPLY }

    public record Outcome(Verdict verdict, List<String> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    private Eligibility() {}

    public static Outcome check(Role role, Map<String, String> answers) {
        List<String> refusals = new ArrayList<>();
        if (yes(answers, NHS_BOARD))
            refusals.add("Chairs and board members of NHS bodies cannot be patient and public voice partners, to avoid a conflict of interest.");
        if (yes(answers, NHS_STAFF))
            refusals.add(role.eligibility().excludesAllNhsStaff()
                    ? "This role is not open to anyone who works for the NHS, so that it brings a public view."
                    : "NHS England staff, including honorary or unpaid medical or dental posts, cannot be partners with NHS England.");
        if (yes(answers, HEALTH_PROFESSIONAL))
            refusals.add("Practising healthcare professionals, including GPs and general dental practitioners, cannot be patient and public voice partners.");
        if (yes(answers, ELECTED_OFFICE))
            refusals.add("Serving MPs and local councillors, and candidates for election, cannot be patient and public voice partners.");
        if (!refusals.isEmpty()) return new Outcome(Verdict.CANNOT_APPLY, refusals);

        List<String> talkFirst = new ArrayList<>();
        if (yes(answers, TRUSTEE_REMOVED)) talkFirst.add("removed as a charity trustee by a court or the Charity Commission");
        if (yes(answers, PROFESSIONAL_SANCTION)) talkFirst.add("suspended, removed or under conditions set by a professional body");
        if (yes(answers, APPOINTMENT_TERMINATED)) talkFirst.add("an appointment to a public body ended early");
        if (yes(answers, DISQUALIFIED)) talkFirst.add("disqualified from being a company director");
        if (!talkFirst.isEmpty()) return new Outcome(Verdict.TALK_TO_US_FIRST, talkFirst);
        return new Outcome(Verdict.ELIGIBLE, List.of());
    }

    private static boolean yes(Map<String, String> answers, String field) {
        return "yes".equals(answers.get(field));
    }
}
