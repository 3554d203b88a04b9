package org.involve.core.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;

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

    /** The answers that mean a person cannot be a partner, in the order the form lists them. */
    public static final List<String> CANNOT_APPLY =
            List.of(NHS_BOARD, NHS_STAFF, HEALTH_PROFESSIONAL, ELECTED_OFFICE);

    /** The answers that mean the team talks with the person first, in the order the form lists them. */
    public static final List<String> TALK_FIRST =
            List.of(TRUSTEE_REMOVED, PROFESSIONAL_SANCTION, APPOINTMENT_TERMINATED, DISQUALIFIED);

    public enum Verdict {
        ELIGIBLE,
        TALK_TO_US_FIRST,
        CANNOT_APPLY
    }

    public record Outcome(Verdict verdict, List<String> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    private static final Words WORDS = Words.of("apply");

    private Eligibility() {}

    public static Outcome check(Role role, Map<String, String> answers) {
        List<String> refusals = new ArrayList<>();
        if (yes(answers, NHS_BOARD)) refusals.add(WORDS.get("error.cannotApply.nhsBoard"));
        if (yes(answers, NHS_STAFF))
            refusals.add(
                    role.eligibility().excludesAllNhsStaff()
                            ? WORDS.get("error.cannotApply.allNhsStaff")
                            : WORDS.get("error.cannotApply.nhsEnglandStaff"));
        if (yes(answers, HEALTH_PROFESSIONAL))
            refusals.add(WORDS.get("error.cannotApply.healthProfessional"));
        if (yes(answers, ELECTED_OFFICE))
            refusals.add(WORDS.get("error.cannotApply.electedOffice"));
        if (!refusals.isEmpty()) return new Outcome(Verdict.CANNOT_APPLY, refusals);

        List<String> talkFirst = new ArrayList<>();
        if (yes(answers, TRUSTEE_REMOVED))
            talkFirst.add(WORDS.get("reason.talkFirst.trusteeRemoved"));
        if (yes(answers, PROFESSIONAL_SANCTION))
            talkFirst.add(WORDS.get("reason.talkFirst.professionalSanction"));
        if (yes(answers, APPOINTMENT_TERMINATED))
            talkFirst.add(WORDS.get("reason.talkFirst.appointmentEnded"));
        if (yes(answers, DISQUALIFIED)) talkFirst.add(WORDS.get("reason.talkFirst.disqualified"));
        if (!talkFirst.isEmpty()) return new Outcome(Verdict.TALK_TO_US_FIRST, talkFirst);
        return new Outcome(Verdict.ELIGIBLE, List.of());
    }

    private static boolean yes(Map<String, String> answers, String field) {
        return "yes".equals(answers.get(field));
    }
}
