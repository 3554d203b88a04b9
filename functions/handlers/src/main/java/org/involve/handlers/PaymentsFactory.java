package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.PaymentBatch;
import org.involve.core.payments.PaymentCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The payments area's beans: the payments table, the calculator (mileage at the settings' rates) and its batches. */
@Factory
public class PaymentsFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsFactory.class);

    @Singleton
    DynamoPayments payments(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoPayments(db, settings.paymentsTable());
    }

    @Singleton
    PaymentCalculator paymentCalculator(
            DynamoPayments payments, InvolveSettings settings, Clock clock) {
        return new PaymentCalculator(payments, settings.mileageRates(), clock);
    }

    @Singleton
    PaymentBatch paymentBatch(PaymentCalculator calculator) {
        return new PaymentBatch(calculator, LOG::warn);
    }
}
