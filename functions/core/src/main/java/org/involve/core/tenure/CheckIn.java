package org.involve.core.tenure;

import java.time.LocalDate;

/**
 * One annual check-in of a partner in a role: the {@code year}th anniversary of their start. The partner and the team
 * are asked on the day; the partner's short answer (how it is going, support needed) and the team's record of the
 * conversation are kept; an unanswered one is chased once.
 *
 * @param year        which anniversary (1 for the first year)
 * @param due         the anniversary ({@link CheckInRules#anniversary})
 * @param askedOn     the UK day the partner and the team were asked
 * @param byEmail     the partner was asked by e-mail (false: telephone or post, or paused: the team holds it)
 * @param chasedOn    the UK day an unanswered check-in was chased (once), or null
 * @param answeredOn  the day the partner answered from their link, or null
 * @param notes       the team's record of the conversation, or null until recorded
 * @param version     counts the changes, so two answers at once cannot overwrite each other
 */
public record CheckIn(
        String appointmentId,
        String roleId,
        int year,
        LocalDate due,
        LocalDate askedOn,
        boolean byEmail,
        LocalDate chasedOn,
        String howGoing,
        String support,
        LocalDate answeredOn,
        String notes,
        String recordedBy,
        LocalDate recordedOn,
        long version) {

    public CheckIn {
        if (appointmentId == null || roleId == null || due == null || askedOn == null || year < 1)
            throw new IllegalArgumentException("A check-in is missing a required value");
    }

    /** A new check-in, asked on {@code today}. */
    public static CheckIn asked(
            String appointmentId,
            String roleId,
            int year,
            LocalDate due,
            LocalDate today,
            boolean byEmail) {
        return new CheckIn(
                appointmentId,
                roleId,
                year,
                due,
                today,
                byEmail,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1);
    }

    /** The partner has answered their form. */
    public boolean partnerAnswered() {
        return answeredOn != null;
    }

    /** The team has recorded the conversation: the check-in is held. */
    public boolean held() {
        return recordedOn != null;
    }

    /** The version a staff form carries. */
    public String formVersion() {
        return Long.toString(version);
    }

    public CheckIn chased(LocalDate day) {
        return new CheckIn(
                appointmentId,
                roleId,
                year,
                due,
                askedOn,
                byEmail,
                day,
                howGoing,
                support,
                answeredOn,
                notes,
                recordedBy,
                recordedOn,
                version + 1);
    }

    public CheckIn answered(String howGoing, String support, LocalDate day) {
        return new CheckIn(
                appointmentId,
                roleId,
                year,
                due,
                askedOn,
                byEmail,
                chasedOn,
                howGoing,
                support,
                day,
                notes,
                recordedBy,
                recordedOn,
                version + 1);
    }

    public CheckIn recorded(String notes, String by, LocalDate day) {
        return new CheckIn(
                appointmentId,
                roleId,
                year,
                due,
                askedOn,
                byEmail,
                chasedOn,
                howGoing,
                support,
                answeredOn,
                notes,
                by,
                day,
                version + 1);
    }
}
