package org.involve.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The issuer's signing keys, fetched from its JWKS address (Cognito's {@code <issuer>/.well-known/jwks.json}) with the
 * JDK's HttpClient ({@link JdkHttp}, built on the first fetch) and kept in memory. An unknown kid (keys rotate) fetches again, at most once a minute, so a flood
 * of made-up kids cannot make every request a fetch.
 */
public final class HttpJwks implements Function<String, Optional<PublicKey>> {
    private static final Duration REFETCH_AT_MOST_EVERY = Duration.ofMinutes(1);
    private final URI address;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.MIN;

    public HttpJwks(String address, Clock clock) {
        this.address = URI.create(address);
        this.clock = clock;
    }

    @Override
    public Optional<PublicKey> apply(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null && clock.instant().isAfter(fetchedAt.plus(REFETCH_AT_MOST_EVERY))) {
            synchronized (this) {
                key = keys.get(kid);
                if (key == null && clock.instant().isAfter(fetchedAt.plus(REFETCH_AT_MOST_EVERY))) {
                    fetch();
                    key = keys.get(kid);
                }
            }
        }
        return Optional.ofNullable(key);
    }

    private void fetch() {
        fetchedAt = clock.instant();
        try {
            HttpResponse<String> r =
                    JdkHttp.client()
                            .send(
                                    HttpRequest.newBuilder(address)
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new IllegalStateException("JWKS answered " + r.statusCode());
            keys = Map.copyOf(IdTokenVerifier.keysOf(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot fetch the JWKS: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted fetching the JWKS");
        }
    }
}
