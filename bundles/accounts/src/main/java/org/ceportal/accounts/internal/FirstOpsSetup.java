package org.ceportal.accounts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first provincial ops account on a portal that runs without a console
 * ({@code bin/start}, a system service). While no ops account exists, every start
 * makes a one-time setup token, keeps only its SHA-256 in the database, and writes
 * the token into a file that only the server's user can read (never into the log:
 * the log only says where the file is). Whoever can read that file can create the
 * first ops account on {@code /setup.html}, once, within {@code setupTokenMinutes};
 * the token is consumed in the same transaction that creates the account, and any
 * ops account (from the console too) ends every setup token.
 */
final class FirstOpsSetup {
    static final String INVALID = "安装令牌无效或已过期，请查看服务器上的令牌文件，或重新启动平台以生成新令牌";
    static final String DONE = "系统已有运维账号，请直接登录";
    private static final Logger LOG = LoggerFactory.getLogger(FirstOpsSetup.class);
    /** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final Store store;
    private final StaffAccounts staff;
    private final Path tokenFile;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FirstOpsSetup(Store store, StaffAccounts staff, Path tokenFile, Duration lifetime, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.tokenFile = tokenFile;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Whether the portal still needs its first ops account. */
    boolean needed() {
        try (SqlSession s = store.session()) {
            return s.getMapper(AccountMapper.class).countOps() == 0;
        }
    }

    Path tokenFile() {
        return tokenFile;
    }

    /** At start: a new token in the file while no ops account exists; else the file goes. */
    void start() {
        if (!needed()) {
            deleteFile();
            return;
        }
        String token = newToken();
        Instant expires = clock.instant().plus(lifetime);
        store.inTransaction(s -> {
            s.getMapper(AccountMapper.class).insertSetupToken(Sessions.hash(canonical(token)), Timestamp.from(expires));
            return null;
        });
        try {
            writeOwnerOnly(token + "\n");
            LOG.warn("No provincial ops account exists yet. Open /setup.html and enter the one-time setup token "
                    + "from {} (valid once, until {}) to create the first one, or use ceportal:account-create "
                    + "in the Karaf console.", tokenFile.toAbsolutePath(), expires);
        } catch (IOException e) {
            LOG.error("Could not write the setup token file {}: {}. Create the first ops account with "
                    + "ceportal:account-create in the Karaf console.", tokenFile.toAbsolutePath(), e.toString());
        }
    }

    /**
     * Creates the first ops account with a setup token.
     *
     * @throws ProblemException 400 field errors, 403 {@code setup_token_invalid}, 409 {@code setup_done}
     */
    long createOps(String token, String login, String name, String password, String address) {
        String normalised = canonical(token);
        if (normalised.isEmpty() || normalised.length() > 64) {
            throw ProblemException.invalid("token", "请输入安装令牌");
        }
        if (!needed()) {
            throw new ProblemException(409, "setup_done", DONE);
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        try {
            id = staff.create("OPS", login, name, null, null, password, null, "created_by_setup", m -> {
                if (m.countOps() > 0) {
                    throw new ProblemException(409, "setup_done", DONE);
                }
                if (m.consumeSetupToken(Sessions.hash(normalised), now) != 1) {
                    throw new ProblemException(403, "setup_token_invalid", INVALID, List.of(new FieldError("token", INVALID)));
                }
            });
        } catch (ProblemException e) {
            if (e.status() == 403) {
                store.inTransaction(s -> {
                    s.getMapper(AccountMapper.class).audit(now, null, "setup", Credentials.subject(Role.OPS, login),
                            "bad_token", address);
                    return null;
                });
            }
            throw e;
        }
        deleteFile();
        LOG.info("The first ops account {} was created with the setup token", id);
        return id;
    }

    /** The token as typed or pasted: case, blanks and dashes do not matter. */
    static String canonical(String token) {
        return token == null ? "" : token.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private String newToken() {
        StringBuilder t = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                t.append('-');
            }
            t.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return t.toString(); // 20 symbols of 31: about 99 bits
    }

    private void writeOwnerOnly(String content) throws IOException {
        Files.createDirectories(tokenFile.getParent());
        Path tmp = tokenFile.resolveSibling(tokenFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.warn("Could not delete the used setup token file {}: {}", tokenFile, e.toString());
        }
    }
}
