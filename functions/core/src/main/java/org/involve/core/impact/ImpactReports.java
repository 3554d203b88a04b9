package org.involve.core.impact;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.NotFound;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.meetings.Meetings;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/** A group's end-of-year report (see {@link YearReport}), for staff who plan its meetings. */
public final class ImpactReports {
    private final ImpactLog log;
    private final Impacts impacts;
    private final Meetings meetings;
    private final MeetingPlans plans;
    private final Clock clock;

    public ImpactReports(
            ImpactLog log, Impacts impacts, Meetings meetings, MeetingPlans plans, Clock clock) {
        this.log = log;
        this.impacts = impacts;
        this.meetings = meetings;
        this.plans = plans;
        this.clock = clock;
    }

    /** The financial year today falls in. */
    public FinancialYear thisYear() {
        return FinancialYear.of(ImpactLog.today(clock.instant()));
    }

    /**
     * @param year the year as the address names it ("2026" for April 2026 to March 2027)
     * @throws NotFound when it names no year, or a year that has not started
     */
    public YearReport report(StaffMember who, String roleId, String year) {
        Role role = log.role(who, roleId);
        FinancialYear fy = FinancialYear.parse(year);
        if (fy == null || fy.startYear() > thisYear().startYear())
            throw new NotFound("No such report year");
        List<Meeting> all = meetings.forRole(roleId);
        Map<String, List<Attendance>> attendance = new HashMap<>();
        for (Meeting m : all)
            if (fy.contains(m.date())) attendance.put(m.id(), meetings.attendanceAt(m.id()));
        return YearReport.of(
                role,
                fy,
                ImpactLog.today(clock.instant()),
                all,
                attendance,
                plans.partners(roleId),
                impacts.between(roleId, fy.first(), fy.last()));
    }
}
