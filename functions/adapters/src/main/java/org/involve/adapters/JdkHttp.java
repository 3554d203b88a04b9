package org.involve.adapters;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} the staff sign-in's calls share (Cognito's token endpoint, the issuer's JWKS), built
 * on first use: building it reads the JDK's TLS set-up and trust store (about 250 classes and a tenth of a second of
 * CPU), which a request that makes neither call, such as every staff page behind the authorizer, never needs. SnapStart
 * priming builds it ({@link #prime}) so a restored function finds it built, as before.
 */
public final class JdkHttp {
    private JdkHttp() {}

    static HttpClient client() {
        return Holder.CLIENT;
    }

    /** Builds the client now (before a SnapStart snapshot); it makes no call. */
    public static void prime() {
        client();
    }

    private static final class Holder {
        static final HttpClient CLIENT =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }
}
