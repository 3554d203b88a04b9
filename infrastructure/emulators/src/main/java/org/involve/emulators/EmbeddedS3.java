package org.involve.emulators;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3Mock, an S3-compatible server, running inside this JVM, for tests and the local runtime only. Objects live in a
 * folder: kept between runs when the caller gives one (the local runtime's data folder), a temporary one otherwise.
 * Buckets are named as {@link #bucketName(String)} says, the same everywhere locally.
 */
public final class EmbeddedS3 implements AutoCloseable {
    // Spring Boot would otherwise take over the JVM's logging (the functions' JSON log lines
    // included).
    private static final String SPRING_LOGGING = "org.springframework.boot.logging.LoggingSystem";
    // Tomcat reports each start and stop through java.util.logging; only its warnings are worth a
    // line. Held here
    // because java.util.logging keeps loggers weakly.
    private static final java.util.logging.Logger TOMCAT =
            java.util.logging.Logger.getLogger("org.apache");

    /** The emulator serves every bucket under its one host name, so clients address buckets in the path. */
    private static final S3Configuration PATH_STYLE =
            S3Configuration.builder().pathStyleAccessEnabled(true).build();

    private final S3MockApplication server;
    private final int port;
    private final S3Client client;

    private EmbeddedS3(S3MockApplication server) {
        this.server = server;
        this.port = server.getHttpPort();
        this.client =
                S3Client.builder()
                        .endpointOverride(endpoint())
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .httpClientBuilder(LocalAws.http())
                        .serviceConfiguration(PATH_STYLE)
                        .build();
    }

    /**
     * Listens on localhost; {@code port} 0 picks a free one. {@code folder} null keeps objects in a temporary
     * folder removed when the server stops.
     */
    public static EmbeddedS3 start(int port, Path folder) {
        if (System.getProperty(SPRING_LOGGING) == null) System.setProperty(SPRING_LOGGING, "none");
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, port);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0); // HTTPS is not used; never 9191
        properties.put("server.address", "127.0.0.1");
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.main.banner-mode", "off");
        properties.put("com.adobe.testing.s3mock.region", LocalAws.REGION.id());
        if (folder != null) {
            properties.put(
                    S3MockApplication.PROP_ROOT_DIRECTORY, folder.toAbsolutePath().toString());
            properties.put("com.adobe.testing.s3mock.domain.retainFilesOnExit", true);
        }
        try {
            return new EmbeddedS3(S3MockApplication.start(properties));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The S3 emulator could not start on port " + port, e);
        }
    }

    /** A bucket's local name: its logical id in lower case (S3 bucket names have no capitals). */
    public static String bucketName(String logicalId) {
        return logicalId.toLowerCase(Locale.ROOT);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** A client for this emulator (path-style addressing, region eu-west-2, dummy credentials). */
    public S3Client client() {
        return client;
    }

    /** Pre-signs URLs against this emulator, as adapters do against S3. */
    public S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(endpoint())
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .serviceConfiguration(PATH_STYLE)
                .build();
    }

    /** Creates every {@code AWS::S3::Bucket} of the template (a bucket kept from an earlier run is left as it is). */
    public EmbeddedS3 createBuckets(SamTemplate template) {
        template.buckets().forEach(this::createBucket);
        return this;
    }

    /** Creates one bucket by logical id, if it is not there yet. */
    public void createBucket(String logicalId) {
        String name = bucketName(logicalId);
        try {
            if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name)))
                client.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // created by an earlier run on the same folder
        }
    }

    /** Deletes every object of a bucket: a clean slate between tests. */
    public void emptyBucket(String logicalId) {
        String name = bucketName(logicalId);
        client.listObjectsV2Paginator(b -> b.bucket(name))
                .contents()
                .forEach(o -> client.deleteObject(b -> b.bucket(name).key(o.key())));
    }

    public void stop() {
        client.close();
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
