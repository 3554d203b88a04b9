package org.involve.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPanelGroup;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.Jwt;
import org.involve.adapters.Settings;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.role.RolePanel;
import org.involve.core.role.Roles;
import org.involve.core.staff.Group;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local stand-in for the Cognito user pool: a few made-up people in the staff, panel and finance groups, and an
 * RSA key pair (made once, kept in the data folder) that signs ID tokens shaped as Cognito's are (sub, name, email,
 * cognito:groups, iss, aud, token_use, iat, exp). Its public key is served as a JWKS at {@value #JWKS_PATH}, which the
 * real StaffSessionAuthorizer is told to trust (STAFF_JWKS_URL) locally. These people exist only in the local runtime.
 */
final class LocalIdentity {
    static final String JWKS_PATH = "/_local/.well-known/jwks.json";
    static final String AUDIENCE = "involve-local-staff";
    static final String KID = "involve-local-1";
    static final Duration SESSION = Duration.ofHours(8);

    /** A local person; {@code id} is what the sign-in page posts. */
    record User(String id, String name, String email, List<String> groups) {}

    static final List<User> USERS =
            List.of(
                    new User("sam-staff", "Sam Staff", "sam.staff@example.org", List.of("staff")),
                    new User("pat-panel", "Pat Panel", "pat.panel@example.org", List.of("panel")),
                    new User(
                            "fin-finance",
                            "Fin Finance",
                            "fin.finance@example.org",
                            List.of("finance")),
                    new User(
                            "alex-allroles",
                            "Alex Allroles",
                            "alex.allroles@example.org",
                            List.of("staff", "panel")));

    private final KeyPair keys;
    private final String issuer;
    private final Clock clock;

    LocalIdentity(KeyPair keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** @param site the local site's address, e.g. http://localhost:3000; the issuer is {site}/_local */
    static LocalIdentity in(Path dataDirectory, String site, Clock clock) {
        return new LocalIdentity(keyPair(dataDirectory), issuerFor(site), clock);
    }

    static String issuerFor(String site) {
        return site + "/_local";
    }

    static Map<String, String> settings(String site) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("STAFF_TOKEN_ISSUER", issuerFor(site));
        s.put("STAFF_TOKEN_AUDIENCE", AUDIENCE);
        s.put("STAFF_JWKS_URL", site + JWKS_PATH);
        s.put("STAFF_AUTH_DOMAIN", "");
        s.put("STAFF_SIGN_IN_URL", "/_local/sign-in");
        return s;
    }

    /**
     * Records the made-up people in the panel group as if each had signed in once, so staff can choose them for a
     * role's panel straight away (in AWS a person appears there after their first sign-in).
     */
    static void recordPanelGroup(DynamoDbClient client) {
        DynamoPanelGroup group =
                new DynamoPanelGroup(
                        client,
                        Settings.optional("PANEL_GROUP_TABLE", "PanelGroupTable"),
                        Clock.systemUTC());
        for (User u : USERS) {
            if (!u.groups().contains(Group.PANEL.claimName())) continue;
            group.signedIn(
                    new StaffMember(
                            "local-" + u.id(),
                            u.name(),
                            u.email(),
                            u.groups().stream()
                                    .map(Group::fromClaim)
                                    .flatMap(java.util.Optional::stream)
                                    .collect(java.util.stream.Collectors.toSet())));
        }
    }

    /**
     * Gives each example role with no panel one of Pat Panel, so the closing job e-mails a panel member locally (staff can
     * change it at /staff/roles/{roleId}/panel). Written with its audit entry, as choosing a panel is.
     */
    static void panelForExampleRoles(DynamoDbClient client, List<String> roleIds) {
        DynamoRoles roles =
                new DynamoRoles(
                        client,
                        Settings.optional("ROLES_TABLE", "RolesTable"),
                        new DynamoOutbox(
                                client,
                                Settings.optional("OUTBOX_TABLE", "OutboxTable"),
                                Settings.optional("APPLICATIONS_TABLE", "ApplicationsTable"),
                                messageId -> {},
                                warning -> {}),
                        new DynamoAuditTrail(
                                client, Settings.optional("AUDIT_TABLE", "AuditTable")));
        User pat = USERS.stream().filter(u -> u.id().equals("pat-panel")).findFirst().orElseThrow();
        RolePanel panel =
                new RolePanel(
                        List.of(new PanelMember("local-" + pat.id(), pat.name(), pat.email())));
        for (String id : roleIds) {
            var role = roles.find(id, Read.CONSISTENT);
            if (role.isEmpty() || !roles.panelOf(id, Read.CONSISTENT).isEmpty()) continue;
            try {
                roles.choose(
                        id,
                        role.get().status(),
                        RolePanel.none(),
                        panel,
                        new AuditEntry(
                                "local-example-data",
                                "chose the shortlisting panel",
                                "role:" + id,
                                Instant.now(),
                                "no panel",
                                "panel: local-" + pat.id()),
                        List.of());
            } catch (Roles.ChangedSince changedMeanwhile) {
                // someone chose one first: theirs stands
            }
        }
    }

    String issuer() {
        return issuer;
    }

    Optional<User> user(String id) {
        return USERS.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** An ID token for the person, valid for a working day from now. */
    String idToken(User user) {
        return idToken(user, clock.instant().plus(SESSION));
    }

    /** A token for a session of {@code length} from now. */
    String idToken(User user, Duration length) {
        return idToken(user, clock.instant().plus(length));
    }

    String idToken(User user, Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "local-" + user.id());
        claims.put("name", user.name());
        claims.put("email", user.email());
        claims.put("cognito:groups", user.groups());
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("token_use", "id");
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put(
                "jti",
                java.util.UUID.randomUUID().toString()); // as Cognito: each sign-in its own token
        claims.put("exp", expires.getEpochSecond());
        return Jwt.signRs256(KID, claims, keys.getPrivate());
    }

    String jwks() {
        return Jwt.jwks(Jwt.jwk(KID, (RSAPublicKey) keys.getPublic()));
    }

    /** Verifies a token this stand-in issued: for the JWT authorizer's routes, which API Gateway checks itself in AWS. */
    IdTokenVerifier verifier() {
        return new IdTokenVerifier(
                issuer,
                AUDIENCE,
                kid -> KID.equals(kid) ? Optional.of(keys.getPublic()) : Optional.empty(),
                clock);
    }

    private static KeyPair keyPair(Path dataDirectory) {
        Path privateFile = dataDirectory.resolve("staff-sign-in-key"),
                publicFile = dataDirectory.resolve("staff-sign-in-key.pub");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                PrivateKey priv =
                        rsa.generatePrivate(
                                new PKCS8EncodedKeySpec(
                                        Base64.getDecoder()
                                                .decode(Files.readString(privateFile).trim())));
                var pub =
                        rsa.generatePublic(
                                new X509EncodedKeySpec(
                                        Base64.getDecoder()
                                                .decode(Files.readString(publicFile).trim())));
                return new KeyPair(pub, priv);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dataDirectory);
            Files.writeString(
                    privateFile,
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(
                        privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            Files.writeString(
                    publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the local sign-in key in " + dataDirectory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the local sign-in key", e);
        }
    }
}
