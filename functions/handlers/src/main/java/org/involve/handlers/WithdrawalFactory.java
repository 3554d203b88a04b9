package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.application.RoundApplications;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.role.RoleReader;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.core.withdrawal.WithdrawalLetters;

/**
 * Withdrawing an application: the applicant's page reached from their link, and staff recording one (Withdrawal),
 * and the link every e-mail to an applicant carries (WithdrawalLink). Lazy, like every bean.
 */
@Factory
public class WithdrawalFactory {
    @Singleton
    WithdrawalLink withdrawalLink(SignedLink links, InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.APPLICANT_LINKS);
        return new WithdrawalLink(links, settings.siteUrl());
    }

    @Singleton
    Withdrawal withdrawal(
            SignedLink links,
            RoleReader roles,
            RoundApplications round,
            InterviewSchedule schedule,
            InvolveSettings settings,
            Clock clock) {
        settings.needsKeys(KeyPurpose.APPLICANT_LINKS);
        return new Withdrawal(
                links,
                roles,
                round,
                schedule,
                new WithdrawalLetters(settings.staffSiteUrl()),
                clock);
    }
}
