package org.involve.core.role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Version;

/** One advertised opportunity. Every number is a property of the role, never a constant in code. */
public record Role(
        String id,
        String title,
        String programme,
        String organisation,
        String summary,
        List<String> whatTheRoleDoes,
        List<String> whoWeAreLookingFor,
        int places,
        String placesNote,
        int priorityPlaces,
        List<String> priorityCommunities,
        List<Criterion> criteria,
        LocalDate closingDate,
        LocalDate interviewWeekCommencing,
        String interviewFormat,
        int referencesRequired,
        int acknowledgementDays,
        Commitment commitment,
        Tenure tenure,
        PaymentModel payment,
        EligibilityPolicy eligibility,
        Contact contact,
        RoleStatus status) {

    public Role {
        if (id == null || !id.matches("[a-z0-9-]{1,60}"))
            throw new IllegalArgumentException(
                    "Role id must be short lower-case words joined by hyphens");
        if (title == null || title.isBlank())
            throw new IllegalArgumentException("A role needs a title");
        whatTheRoleDoes = List.copyOf(whatTheRoleDoes == null ? List.of() : whatTheRoleDoes);
        whoWeAreLookingFor =
                List.copyOf(whoWeAreLookingFor == null ? List.of() : whoWeAreLookingFor);
        priorityCommunities =
                List.copyOf(priorityCommunities == null ? List.of() : priorityCommunities);
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
        new ClosingTime(closingDate);
    }

    /**
     * A short name for exactly this content of the role: any change gives another. A form that changes the role
     * carries the version it was read at, so a save made after someone else's change is noticed, not lost. Taken from
     * the record's text, which names every field (enums by name), so it is the same in every process.
     */
    public String version() {
        return Version.of(toString());
    }

    public ClosingTime closingTime() {
        return new ClosingTime(closingDate);
    }

    public boolean acceptsApplicationsAt(Instant now) {
        return status == RoleStatus.OPEN && closingTime().isOpenAt(now);
    }

    /** Only an open role's closing date can be moved later: once it is being shortlisted the round has moved on. */
    public boolean closingDateCanBeExtended() {
        return status == RoleStatus.OPEN;
    }

    public Stream<Criterion> essentialCriteria() {
        return criteria.stream().filter(Criterion::essential);
    }

    public Stream<Criterion> desirableCriteria() {
        return criteria.stream().filter(c -> !c.essential());
    }

    public Role withStatus(RoleStatus next) {
        return new Role(
                id,
                title,
                programme,
                organisation,
                summary,
                whatTheRoleDoes,
                whoWeAreLookingFor,
                places,
                placesNote,
                priorityPlaces,
                priorityCommunities,
                criteria,
                closingDate,
                interviewWeekCommencing,
                interviewFormat,
                referencesRequired,
                acknowledgementDays,
                commitment,
                tenure,
                payment,
                eligibility,
                contact,
                next);
    }

    public Role withClosingDate(LocalDate date) {
        return new Role(
                id,
                title,
                programme,
                organisation,
                summary,
                whatTheRoleDoes,
                whoWeAreLookingFor,
                places,
                placesNote,
                priorityPlaces,
                priorityCommunities,
                criteria,
                date,
                interviewWeekCommencing,
                interviewFormat,
                referencesRequired,
                acknowledgementDays,
                commitment,
                tenure,
                payment,
                eligibility,
                contact,
                status);
    }
}
