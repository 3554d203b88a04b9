package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.involve.emulators.FunctionSpec;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final FunctionSpec.ScheduleEvent EVENT =
            new FunctionSpec.ScheduleEvent("Often", "rate(1 minute)", "Europe/London");
    private final LambdaFunction sweep =
            LambdaFunction.instantiate(
                    new FunctionSpec(
                            "SweepFunction",
                            CountingSweep.class.getName() + "::handleRequest",
                            3,
                            Map.of(),
                            List.of(),
                            List.of(),
                            List.of(EVENT)));

    @Test
    void firesTheHandlerEachTimeItsScheduleComesRound() throws Exception {
        Schedules schedules =
                new Schedules(
                        Clock.systemUTC(),
                        List.of(new Schedules.Job(sweep, EVENT, after -> after.plusMillis(100))));
        int before = CountingSweep.RUNS.get();
        schedules.start();
        Thread.sleep(1000);
        schedules.stop();
        int runs = CountingSweep.RUNS.get() - before;
        assertTrue(
                runs >= 5 && runs <= 11,
                "ran " + runs + " times in a second at one run per 100 ms");
    }

    @Test
    void firesAScheduleNowWithASchedulerPayload() throws Exception {
        Schedules schedules = new Schedules(List.of(sweep), Clock.systemUTC());
        int before = CountingSweep.RUNS.get();
        assertEquals(Map.of("run", before + 1), schedules.fireNow("SweepFunction").orElseThrow());
        assertTrue(schedules.fireNow("NoSuchFunction").isEmpty());
    }
}
