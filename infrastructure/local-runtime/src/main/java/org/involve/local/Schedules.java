package org.involve.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.involve.emulators.FunctionSpec;

/**
 * Fires each ScheduleV2 event of the template on its rate or cron, in its time zone, as EventBridge Scheduler
 * would; {@link #fireNow} runs one at once (POST /_local/schedules/{FunctionLogicalId}).
 */
final class Schedules {
    private final List<Job> jobs = new ArrayList<>();
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.named("schedule-timer"));
    private final ExecutorService runner =
            Executors.newCachedThreadPool(Threads.named("schedule-run"));

    /** One schedule of one function, and when it next fires. */
    record Job(
            LambdaFunction function,
            FunctionSpec.ScheduleEvent event,
            ScheduleExpression expression) {}

    Schedules(List<LambdaFunction> functions, Clock clock) {
        this(clock, jobsOf(functions, clock.instant()));
    }

    Schedules(Clock clock, List<Job> jobs) {
        this.clock = clock;
        this.jobs.addAll(jobs);
    }

    private static List<Job> jobsOf(List<LambdaFunction> functions, Instant created) {
        List<Job> jobs = new ArrayList<>();
        for (LambdaFunction f : functions) {
            for (FunctionSpec.ScheduleEvent e : f.spec().scheduleEvents()) {
                jobs.add(
                        new Job(
                                f,
                                e,
                                ScheduleExpression.parse(
                                        e.expression(), ZoneId.of(e.timezone()), created)));
            }
        }
        return jobs;
    }

    List<Job> jobs() {
        return List.copyOf(jobs);
    }

    Instant nextFiring(Job job) {
        return job.expression().next(clock.instant());
    }

    void start() {
        jobs.forEach(job -> scheduleAfter(job, clock.instant()));
    }

    /** Counting from the previous firing, not the clock, so a timer that wakes a moment early cannot fire twice. */
    private void scheduleAfter(Job job, Instant previous) {
        if (timer.isShutdown()) return;
        Instant now = clock.instant();
        Instant at = job.expression().next(previous.isAfter(now) ? previous : now);
        timer.schedule(
                () -> {
                    if (!runner.isShutdown()) runner.submit(() -> fire(job));
                    scheduleAfter(job, at);
                },
                Math.max(0, Duration.between(now, at).toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Fires the first schedule of a function now, waiting for it to finish; empty if it has none. */
    Optional<Object> fireNow(String functionId) throws Exception {
        Optional<Job> job =
                jobs.stream().filter(j -> j.function().name().equals(functionId)).findFirst();
        if (job.isEmpty()) return Optional.empty();
        return Optional.of(
                Optional.ofNullable(job.get().function().invoke(payload(job.get())))
                        .orElse("(no result)"));
    }

    private void fire(Job job) {
        try {
            job.function().invoke(payload(job));
            System.out.println(
                    "[schedule] "
                            + job.function().name()
                            + " ("
                            + job.event().eventName()
                            + ") ran");
        } catch (Exception e) {
            System.err.println(
                    "[schedule] "
                            + job.function().name()
                            + " ("
                            + job.event().eventName()
                            + ") failed:");
            e.printStackTrace();
        }
    }

    /** What EventBridge Scheduler's templated Lambda target delivers when the schedule has no Input of its own. */
    private Map<String, Object> payload(Job job) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", HttpApiEvents.ACCOUNT_ID);
        event.put("time", clock.instant().toString());
        event.put("region", LocalRuntime.REGION);
        event.put(
                "resources",
                List.of(
                        "arn:aws:scheduler:"
                                + LocalRuntime.REGION
                                + ":"
                                + HttpApiEvents.ACCOUNT_ID
                                + ":schedule/default/"
                                + job.function().name()
                                + "-"
                                + job.event().eventName()));
        event.put("detail", Map.of());
        return event;
    }

    void stop() {
        timer.shutdownNow();
        runner.shutdown();
        try {
            runner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
