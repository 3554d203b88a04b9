package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.impact.Impacts;
import org.involve.core.meetings.Meetings;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.role.RoleReader;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.CheckInJobs;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.CheckIns;
import org.involve.core.tenure.ImpactCount;
import org.involve.core.tenure.TenureDesk;
import org.involve.core.tenure.TenureJobs;
import org.involve.core.tenure.TenureLetters;
import org.involve.core.tenure.TenureReviews;

/**
 * The tenure review's beans: its letters, the answers and extension, and the daily job (TENURE_REVIEW_DAYS before the
 * end). The thank-you counts the group's entries in the impact log while the partner was in the role.
 */
@Factory
public class TenureFactory {
    @Singleton
    TenureLetters tenureLetters(PartnerLetters letters, InvolveSettings settings) {
        return new TenureLetters(letters, settings.staffSiteUrl());
    }

    @Singleton
    TenureJobs tenureJobs(
            TenureReviews reviews,
            PartnerChanges partners,
            RoleReader roles,
            Meetings meetings,
            Impacts impacts,
            TenureLetters letters,
            InvolveSettings settings) {
        return new TenureJobs(
                reviews,
                partners,
                roles,
                meetings,
                letters,
                ImpactCount.from(impacts),
                settings.tenureReviewDays());
    }

    @Singleton
    TenureDesk tenureDesk(
            TenureReviews reviews,
            PartnerChanges partners,
            RoleReader roles,
            TenureLetters letters,
            Clock clock) {
        return new TenureDesk(reviews, partners, roles, letters, clock);
    }

    @Singleton
    CheckInLetters checkInLetters(PartnerLetters letters, InvolveSettings settings) {
        return new CheckInLetters(letters, settings.staffSiteUrl());
    }

    @Singleton
    CheckInJobs checkInJobs(
            CheckIns checkIns, PartnerChanges partners, RoleReader roles, CheckInLetters letters) {
        return new CheckInJobs(checkIns, partners, roles, letters);
    }

    @Singleton
    CheckInDesk checkInDesk(
            CheckIns checkIns,
            PartnerChanges partners,
            RoleReader roles,
            CheckInLetters letters,
            Clock clock) {
        return new CheckInDesk(checkIns, partners, roles, letters, clock);
    }
}
