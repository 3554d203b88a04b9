package org.involve.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.emulators.TableStreams;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for a DynamoDB stream event, on DynamoDB Local's streams: turns the table's
 * stream on (tables kept from an earlier run may lack it), then hands the function each batch of changes, newest
 * first position (StartingPosition LATEST). As a deploy does, it also runs the function once at start, so what the
 * function keeps in step with the table (the published pages) starts in step. A function that fails on a batch is
 * logged and the batch dropped, as after its retries in AWS.
 */
final class TableStreamSource implements Runnable {
    private static final long POLL_MILLIS = 500;

    private final LambdaFunction function;
    private final TableStreams.Trigger trigger;
    private final DynamoDbClient db;
    private final DynamoDbStreamsClient streams;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private String streamArn;
    private boolean started;
    private volatile boolean running = true;
    private Thread thread;

    TableStreamSource(
            LambdaFunction function,
            TableStreams.Trigger trigger,
            DynamoDbClient db,
            DynamoDbStreamsClient streams) {
        this.function = function;
        this.trigger = trigger;
        this.db = db;
        this.streams = streams;
    }

    void start() {
        streamArn = enableStream();
        thread = Threads.named("stream-" + trigger.tableLogicalId()).newThread(this);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String enableStream() {
        TableDescription table =
                db.describeTable(b -> b.tableName(trigger.tableLogicalId())).table();
        if (table.streamSpecification() == null
                || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
            db.updateTable(
                    b ->
                            b.tableName(trigger.tableLogicalId())
                                    .streamSpecification(
                                            StreamSpecification.builder()
                                                    .streamEnabled(true)
                                                    .streamViewType(StreamViewType.KEYS_ONLY)
                                                    .build()));
            table = db.describeTable(b -> b.tableName(trigger.tableLogicalId())).table();
        }
        return table.latestStreamArn();
    }

    @Override
    public void run() {
        positionAtLatest();
        invoke(Map.of("Records", List.of()), "at start");
        while (running) {
            try {
                pollOnce();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                System.err.println(
                        "[stream] reading "
                                + trigger.tableLogicalId()
                                + " failed: "
                                + e.getMessage()
                                + " (reading on from the stream's end, and running the function once so no change"
                                + " is missed)");
                // DynamoDB Local can refuse an iterator it gave out ("past the oldest stream
                // record"): start again
                // from the end of each shard, and run the function on no records, which for the
                // publisher means
                // publishing everything again (it is idempotent), as a redeploy does.
                iterators.clear();
                try {
                    openShards(ShardIteratorType.LATEST);
                } catch (RuntimeException again) {
                    // the next poll tries again
                }
                invoke(Map.of("Records", List.of()), "after a stream error");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Shards there at start are read from their end; shards that open later, from their start. */
    private void positionAtLatest() {
        try {
            openShards(ShardIteratorType.LATEST);
        } catch (RuntimeException e) {
            System.err.println("[stream] " + trigger.tableLogicalId() + ": " + e.getMessage());
        }
        started = true;
    }

    private void openShards(ShardIteratorType type) {
        for (Shard shard :
                streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String id = shard.shardId();
            if (finished.contains(id) || iterators.containsKey(id)) continue;
            String iterator =
                    streams.getShardIterator(
                                    b -> b.streamArn(streamArn).shardId(id).shardIteratorType(type))
                            .shardIterator();
            if (iterator != null) iterators.put(id, iterator);
        }
    }

    /** Reads every shard once and, if there were changes, runs the function on them. */
    void pollOnce() {
        openShards(started ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.LATEST);
        List<Record> records = new ArrayList<>();
        for (var shard : new ArrayList<>(iterators.entrySet())) {
            var got = streams.getRecords(b -> b.shardIterator(shard.getValue()));
            records.addAll(got.records());
            if (got.nextShardIterator() == null) {
                iterators.remove(shard.getKey());
                finished.add(shard.getKey());
            } else {
                iterators.put(shard.getKey(), got.nextShardIterator());
            }
        }
        if (!records.isEmpty())
            invoke(
                    Map.of("Records", records.stream().map(this::record).toList()),
                    records.size() + " changes");
    }

    private void invoke(Map<String, Object> event, String why) {
        try {
            function.invoke(new LinkedHashMap<>(event));
        } catch (Exception e) {
            System.err.println(
                    "[stream] "
                            + function.name()
                            + " failed ("
                            + why
                            + " on "
                            + trigger.tableLogicalId()
                            + "):");
            e.printStackTrace();
        }
    }

    private Map<String, Object> record(Record r) {
        Map<String, Object> keys = new LinkedHashMap<>();
        if (r.dynamodb() != null && r.dynamodb().keys() != null)
            r.dynamodb().keys().forEach((k, v) -> keys.put(k, attribute(v)));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("Keys", keys);
        change.put("SequenceNumber", r.dynamodb() == null ? null : r.dynamodb().sequenceNumber());
        change.put("StreamViewType", "KEYS_ONLY");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventID", r.eventID());
        out.put("eventName", r.eventNameAsString());
        out.put("eventSource", "aws:dynamodb");
        out.put("eventSourceARN", streamArn);
        out.put("dynamodb", change);
        return out;
    }

    private static Map<String, Object> attribute(AttributeValue v) {
        if (v.s() != null) return Map.of("S", v.s());
        if (v.n() != null) return Map.of("N", v.n());
        return Map.of("S", String.valueOf(v));
    }
}
