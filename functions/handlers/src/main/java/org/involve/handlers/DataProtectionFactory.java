package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.core.audit.AuditTrail;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.dataprotection.PersonalData;

/** People's rights over their data: subject access and erasure (StaffDataProtectionHandler). Lazy, like every bean. */
@Factory
public class DataProtectionFactory {
    @Singleton
    DataProtection dataProtection(PersonalData data, AuditTrail audit, InvolveSettings settings) {
        return new DataProtection(data, audit, settings.retention());
    }
}
