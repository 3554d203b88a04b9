package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.involve.adapters.AwsClients;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.DynamoPayrollExports;
import org.involve.adapters.S3ExportFiles;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.payroll.FinanceDesk;
import org.involve.core.payroll.PayrollExportJob;
import org.involve.core.payroll.PayrollLetters;
import org.involve.core.role.RoleReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The payroll beans: the exports table, the monthly job, the finance desk and their letters. */
@Factory
public class PayrollFactory {
    /** Made on first use, once. */
    static final class Lazy<T> implements java.util.function.Supplier<T> {
        private final java.util.function.Supplier<T> make;
        private volatile T made;

        Lazy(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            T t = made;
            if (t == null)
                synchronized (this) {
                    if (made == null) made = make.get();
                    t = made;
                }
            return t;
        }
    }

    @Singleton
    DynamoPayrollExports payrollExports(
            DynamoDbClient db,
            DynamoOutbox outbox,
            BeanProvider<DynamoAuditTrail> audit,
            InvolveSettings settings) {
        return new DynamoPayrollExports(db, settings.payrollExportsTable(), outbox, audit::get);
    }

    /** The S3 client is built on the first read or write of a file. */
    @Singleton
    S3ExportFiles exportFiles(InvolveSettings settings) {
        return new S3ExportFiles(new Lazy<>(AwsClients::s3), settings.exportsBucket());
    }

    @Singleton
    PayrollLetters payrollLetters(PartnerLetters letters, InvolveSettings settings) {
        return new PayrollLetters(letters, settings.staffSiteUrl());
    }

    @Singleton
    PayrollExportJob payrollExportJob(
            DynamoPayments payments,
            DynamoPayrollExports exports,
            S3ExportFiles files,
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
            S3ExportFiles files,
            PartnerRecords partners,
            RoleReader roles,
            PayrollLetters letters,
            Clock clock) {
        return new FinanceDesk(exports, payments, files, partners, roles, letters, clock);
    }
}
