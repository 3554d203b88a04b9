package org.involve.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A test handler for schedules: counts its invocations and checks it was given a scheduler payload. */
public class CountingSweep implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!"aws.scheduler".equals(event.get("source")))
            throw new IllegalArgumentException("not a scheduler payload");
        return Map.of("run", RUNS.incrementAndGet());
    }
}
