package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.involve.core.payments.Claims;
import org.junit.jupiter.api.Test;

class PaymentsSweepHandlerTest {
    @Test
    void itSendsWhatWaitsAndSaysOnlyHowMany() {
        int[] calls = {0};
        Claims claims =
                (Claims)
                        Proxy.newProxyInstance(
                                Claims.class.getClassLoader(),
                                new Class<?>[] {Claims.class},
                                (proxy, method, args) -> {
                                    if (!method.getName().equals("sendWaitingPayments"))
                                        throw new AssertionError(
                                                "the sweep only sends: " + method.getName());
                                    calls[0]++;
                                    return 2;
                                });
        Map<String, Object> summary =
                new PaymentsSweepHandler(claims, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                        .handleRequest(Map.of(), null);
        assertEquals(Map.of("sent", 2), summary);
        assertEquals(1, calls[0]);
    }
}
