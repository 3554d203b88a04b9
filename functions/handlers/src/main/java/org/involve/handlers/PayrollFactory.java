package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.DynamoPayrollExports;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.payroll.ExportFiles;
import org.involve.core.payroll.FinanceDesk;
import org.involve.core.payroll.PayrollExportJob;
import org.involve.core.payroll.PayrollLetters;
import org.involve.core.role.RoleReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The payroll beans: the exports table, the monthly job, the finance desk and their letters. */
@Factory
public class PayrollFactory {
    @Singleton
    DynamoPayrollExports payrollExports(
            DynamoDbClient db,
            DynamoOutbox outbox,
            BeanProvider<DynamoAuditTrail> audit,
            InvolveSettings settings) {
        return new DynamoPayrollExports(db, settings.payrollExportsTable(), outbox, audit::get);
    }

    @Singleton
    PayrollLetters payrollLetters(PartnerLetters letters, InvolveSettings settings) {
        return new PayrollLetters(letters, settings.staffSiteUrl());
    }

    @Singleton
    PayrollExportJob payrollExportJob(
            DynamoPayments payments,
            DynamoPayrollExports exports,
            ExportFiles files,
            PartnerRecords partners,
            RoleReader roles,
            PayrollLetters letters,
            DynamoOutbox outbox,
            InvolveSettings settings) {
        return new PayrollExportJob(
                payments,
                exports,
                files,
                partners,
                roles,
                letters,
                outbox,
                settings.financeEmail(),
                settings.payrollExportDay(),
                () -> UUID.randomUUID().toString());
    }

    @Singleton
    FinanceDesk financeDesk(
            DynamoPayrollExports exports,
            DynamoPayments payments,
            ExportFiles files,
            PartnerRecords partners,
            RoleReader roles,
            PayrollLetters letters,
            Clock clock) {
        return new FinanceDesk(exports, payments, files, partners, roles, letters, clock);
    }
}
