package org.involve.handlers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * For the job-scaling run ({@link JobScalingRun}): many records of one kind, made the way the product makes them and
 * written fast. One record of the kind (the <em>seed</em>) is made through the product's own adapters, with an id
 * {@link #token(char, int)} woven into everything that names it (its reference, ids, e-mail addresses); every item
 * that the making added to any table is that record's shape. Each copy {@code n} is the same items with the token
 * replaced by copy {@code n}'s, every one-way key (a SHA-256, such as an applicant's or a referee's key) replaced by
 * a SHA-256 of its own, and any further values the kind names (an interview slot's start) replaced by the copy's;
 * then the copies go straight to DynamoDB in {@code BatchWriteItem} calls of 25, several in flight, any unprocessed
 * items sent again. So the copies have the seed's attributes, the same indexes' keys and the same sizes, and no
 * item is shared between copies (a copy whose key would equal the seed's is refused).
 */
final class JobScalingRecords {
    private static final Pattern SHA256 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
    private static final int BATCH = 25;

    private final DynamoDbClient db;
    private final String run;
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> indexes = new LinkedHashMap<>();
    private final ExecutorService pool;
    private final AtomicLong written = new AtomicLong(), retried = new AtomicLong();
    private Map<String, Map<String, Map<String, AttributeValue>>> before;

    /** One kind of record: its seed's items by table, and the values each copy changes beyond the token and keys. */
    /** The partition of the ApplicationsTable that holds each role's count of applications. */
    private static final String COUNTS = "#counts";

    record Kind(
            String name,
            char letter,
            Map<String, List<Map<String, AttributeValue>>> items,
            Set<String> oneWayKeys,
            IntFunction<Map<String, String>> more) {
        int itemCount() {
            return items.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * @param run names the run's records: DynamoDB remembers a transaction's idempotency token (an application's
     *     reference) for a while, even across new tables, so each run's seeds need ids of their own
     */
    JobScalingRecords(DynamoDbClient db, String run, int inFlight) {
        this.db = db;
        this.run = run;
        this.pool = Executors.newFixedThreadPool(inFlight);
        for (String t : db.listTablesPaginator().tableNames()) {
            TableDescription d = db.describeTable(r -> r.tableName(t)).table();
            keys.put(t, d.keySchema().stream().map(KeySchemaElement::attributeName).toList());
            Map<String, List<String>> gsi = new TreeMap<>();
            if (d.hasGlobalSecondaryIndexes())
                d.globalSecondaryIndexes()
                        .forEach(
                                i ->
                                        gsi.put(
                                                i.indexName(),
                                                i.keySchema().stream()
                                                        .map(KeySchemaElement::attributeName)
                                                        .toList()));
            indexes.put(t, gsi);
        }
    }

    /**
     * How many items each index that holds the seed of {@code kind} under a key every copy shares (a sparse index's
     * "DUE", a role's id) now holds under that key: at least as many as the copies, if the copies are there for the
     * jobs' queries to find. A check that the copies are records the product's queries see, not bare items. Each
     * index and key is counted once ({@code counted}, shared by the kinds).
     */
    Map<String, Integer> indexed(Kind kind, Map<String, Integer> counted) {
        Map<String, Integer> counts = new TreeMap<>();
        Substitution first = substitution(kind, 1);
        for (var table : kind.items().entrySet())
            for (var item : table.getValue()) {
                Map<String, AttributeValue> copy = first.apply(item);
                for (var index : indexes.get(table.getKey()).entrySet()) {
                    List<String> key = index.getValue();
                    if (!key.stream().allMatch(item::containsKey)) continue; // not in this index
                    String hash = key.get(0);
                    if (!copy.get(hash).equals(item.get(hash))) continue; // a key of its own
                    String name =
                            table.getKey()
                                    + "."
                                    + index.getKey()
                                    + " "
                                    + hash
                                    + "="
                                    + render(item.get(hash));
                    if (counted.containsKey(name)) {
                        counts.put(name, counted.get(name));
                        continue;
                    }
                    int count =
                            db
                                    .queryPaginator(
                                            q ->
                                                    q.tableName(table.getKey())
                                                            .indexName(index.getKey())
                                                            .select(Select.COUNT)
                                                            // short pages: one call over
                                                            // 100,000 items timed out on a
                                                            // busy machine
                                                            .limit(5_000)
                                                            .keyConditionExpression("#h = :h")
                                                            .expressionAttributeNames(
                                                                    Map.of("#h", hash))
                                                            .expressionAttributeValues(
                                                                    Map.of(":h", item.get(hash))))
                                    .stream()
                                    .mapToInt(QueryResponse::count)
                                    .sum();
                    counts.put(
                            table.getKey()
                                    + "."
                                    + index.getKey()
                                    + " "
                                    + hash
                                    + "="
                                    + render(item.get(hash)),
                            count);
                }
            }
        return counts;
    }

    /** Copy {@code n}'s id for kind {@code letter}: the seed is copy 0. */
    String token(char letter, int n) {
        return String.format(Locale.ROOT, "JSX%s%c%07d", run, letter, n);
    }

    /** Notes what is in every table now: the items the next seed adds are what is there after it and not now. */
    void beforeSeed() {
        before = snapshot();
    }

    /**
     * The items added since {@link #beforeSeed()} to {@code tables}: the seed of kind {@code name}. Items that were
     * there before and changed (a shared item, such as a role's count) are not the kind's and are not copied, nor are
     * the items the making added to other tables (its audit entries; the e-mails it sent, a kind of its own).
     */
    Kind seeded(
            String name, char letter, Set<String> tables, IntFunction<Map<String, String>> more) {
        Map<String, Map<String, Map<String, AttributeValue>>> after = snapshot();
        Map<String, List<Map<String, AttributeValue>>> added = new TreeMap<>();
        Set<String> known = new HashSet<>();
        before.values().forEach(t -> t.values().forEach(i -> strings(i, known)));
        Set<String> oneWay = new HashSet<>();
        for (var table : after.entrySet()) {
            Map<String, Map<String, AttributeValue>> old = before.get(table.getKey());
            if (!tables.contains(table.getKey())) continue;
            for (var item : table.getValue().entrySet()) {
                if (old.containsKey(item.getKey()) || isCount(item.getValue())) continue;
                added.computeIfAbsent(table.getKey(), k -> new ArrayList<>()).add(item.getValue());
                Set<String> s = new HashSet<>();
                strings(item.getValue(), s);
                for (String v : s) {
                    Matcher m = SHA256.matcher(v);
                    while (m.find()) if (!known.contains(m.group())) oneWay.add(m.group());
                }
            }
        }
        if (added.isEmpty())
            throw new IllegalStateException("the seed of " + name + " added no item");
        Kind kind = new Kind(name, letter, added, oneWay, more);
        // Every copy's every item must have a key of its own.
        Substitution first = substitution(kind, 1);
        for (var table : added.entrySet())
            for (var item : table.getValue())
                if (keyOf(table.getKey(), first.apply(item)).equals(keyOf(table.getKey(), item)))
                    throw new IllegalStateException(
                            name
                                    + ": an item of "
                                    + table.getKey()
                                    + " would be shared by every copy: "
                                    + keyOf(table.getKey(), item));
        return kind;
    }

    /** Writes copies 1 to {@code count - 1} of {@code kind} (the seed is copy 0), waiting for them all. */
    void copy(Kind kind, int count) throws Exception {
        List<Future<?>> work = new ArrayList<>();
        Map<String, List<WriteRequest>> batch = new HashMap<>();
        int inBatch = 0;
        for (int n = 1; n < count; n++) {
            Substitution sub = substitution(kind, n);
            for (var table : kind.items().entrySet())
                for (var item : table.getValue()) {
                    batch.computeIfAbsent(table.getKey(), k -> new ArrayList<>())
                            .add(
                                    WriteRequest.builder()
                                            .putRequest(
                                                    PutRequest.builder()
                                                            .item(sub.apply(item))
                                                            .build())
                                            .build());
                    if (++inBatch == BATCH) {
                        Map<String, List<WriteRequest>> full = batch;
                        work.add(pool.submit(() -> write(full)));
                        batch = new HashMap<>();
                        inBatch = 0;
                    }
                }
            if (work.size() > 256) {
                for (Future<?> f : work) f.get();
                work.clear();
            }
        }
        if (inBatch > 0) {
            Map<String, List<WriteRequest>> rest = batch;
            work.add(pool.submit(() -> write(rest)));
        }
        for (Future<?> f : work) f.get();
        countCopiedApplications(kind, count - 1);
    }

    /** A role's kept count of applications (DynamoApplicationCounts): shared by every copy, so never copied. */
    private static boolean isCount(Map<String, AttributeValue> item) {
        AttributeValue partition = item.get("roleId");
        return partition != null && COUNTS.equals(partition.s());
    }

    /**
     * Copies of applications go straight to the table, so their roles' kept counts are brought up to date here, as
     * storing each through the adapter would have (the tables were empty before this run, so every earlier application
     * was stored through the adapter and counted: the count is marked counted, and no page counts the role again).
     */
    private void countCopiedApplications(Kind kind, int copies) {
        if (copies <= 0) return;
        for (var table : kind.items().entrySet()) {
            if (!List.of("roleId", "applicantKey").equals(keys.get(table.getKey()))) continue;
            Map<String, Long> perRole = new TreeMap<>();
            for (var item : table.getValue())
                if (item.containsKey("applicantKey")
                        && item.containsKey("reference")
                        && item.containsKey("data")
                        && item.get("roleId") != null)
                    perRole.merge(item.get("roleId").s(), (long) copies, Long::sum);
            perRole.forEach(
                    (roleId, n) ->
                            db.updateItem(
                                    u ->
                                            u.tableName(table.getKey())
                                                    .key(
                                                            Map.of(
                                                                    "roleId",
                                                                    AttributeValue.fromS(COUNTS),
                                                                    "applicantKey",
                                                                    AttributeValue.fromS(
                                                                            "count#" + roleId)))
                                                    .updateExpression(
                                                            "ADD applications :n SET counted = :t")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":n",
                                                                    AttributeValue.fromN(
                                                                            Long.toString(n)),
                                                                    ":t",
                                                                    AttributeValue.fromBool(
                                                                            true)))));
        }
    }

    /** Items written by {@link #copy} so far, and the unprocessed items sent again. */
    long written() {
        return written.get();
    }

    long retried() {
        return retried.get();
    }

    void close() {
        pool.shutdown();
    }

    private void write(Map<String, List<WriteRequest>> requests) {
        Map<String, List<WriteRequest>> left = requests;
        int items = requests.values().stream().mapToInt(List::size).sum();
        for (int attempt = 0; !left.isEmpty(); attempt++) {
            if (attempt > 0) {
                retried.addAndGet(left.values().stream().mapToInt(List::size).sum());
                try {
                    Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            Map<String, List<WriteRequest>> now = left;
            BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(now));
            left = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
        written.addAndGet(items);
    }

    private Substitution substitution(Kind kind, int n) {
        Map<String, String> with = new LinkedHashMap<>();
        String from = token(kind.letter(), 0), to = token(kind.letter(), n);
        with.put(from, to);
        with.put(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT));
        for (String k : kind.oneWayKeys()) with.put(k, sha256(k + "#" + n));
        with.putAll(kind.more().apply(n));
        return new Substitution(with);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces each of its values, wherever it occurs in a string, set or nested value. */
    private record Substitution(Map<String, String> with) {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item.size() * 2);
            item.forEach((k, v) -> out.put(k, value(v)));
            return out;
        }

        private AttributeValue value(AttributeValue v) {
            if (v.s() != null) return AttributeValue.fromS(text(v.s()));
            if (v.hasSs()) return AttributeValue.fromSs(v.ss().stream().map(this::text).toList());
            if (v.hasM()) return AttributeValue.fromM(apply(v.m()));
            if (v.hasL()) return AttributeValue.fromL(v.l().stream().map(this::value).toList());
            return v; // numbers, booleans, binary and null carry no id here
        }

        private String text(String s) {
            String out = s;
            for (var e : with.entrySet())
                if (out.contains(e.getKey())) out = out.replace(e.getKey(), e.getValue());
            return out;
        }
    }

    private Map<String, Map<String, Map<String, AttributeValue>>> snapshot() {
        Map<String, Map<String, Map<String, AttributeValue>>> all = new TreeMap<>();
        for (String table : keys.keySet()) {
            Map<String, Map<String, AttributeValue>> items = new HashMap<>();
            db.scanPaginator(r -> r.tableName(table).consistentRead(true))
                    .items()
                    .forEach(i -> items.put(keyOf(table, i), i));
            all.put(table, items);
        }
        return all;
    }

    private String keyOf(String table, Map<String, AttributeValue> item) {
        StringBuilder k = new StringBuilder();
        for (String a : keys.get(table)) k.append(render(item.get(a))).append('\u0000');
        return k.toString();
    }

    private static String render(AttributeValue v) {
        if (v == null) return "";
        if (v.s() != null) return v.s();
        if (v.n() != null) return v.n();
        SdkBytes b = v.b();
        return b == null ? v.toString() : HexFormat.of().formatHex(b.asByteArray());
    }

    private static void strings(Map<String, AttributeValue> item, Set<String> out) {
        item.values().forEach(v -> strings(v, out));
    }

    private static void strings(AttributeValue v, Set<String> out) {
        if (v.s() != null) out.add(v.s());
        if (v.hasSs()) out.addAll(v.ss());
        if (v.hasM()) strings(v.m(), out);
        if (v.hasL()) v.l().forEach(x -> strings(x, out));
    }
}
