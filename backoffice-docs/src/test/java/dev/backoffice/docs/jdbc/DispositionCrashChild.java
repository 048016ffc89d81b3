package dev.backoffice.docs.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.blob.FileSystemBlobStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The child JVM of {@link DispositionCrashTest}: runs a disposition slowly (small batches, a
 * pause after each certificate), printing {@code CERT <id>} after each committed one, so the
 * parent can kill it mid-run.
 *
 * <p>Arguments: jdbc url, user, password, blob directory, clock instant, asOf date, pause millis.
 */
public final class DispositionCrashChild {
    private DispositionCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(4);
        long pause = Long.parseLong(args[6]);
        PrintStream out = System.out;
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Jdbc jdbc = Jdbc.of(ds);
            Clock clock = Clock.fixed(Instant.parse(args[4]), ZoneOffset.UTC);
            Archive archive = Archive.builder()
                    .store(JdbcDocumentStore.create(jdbc))
                    .blobs(FileSystemBlobStore.create(Path.of(args[3])))
                    .audit(JdbcAuditStore.create(jdbc, clock))
                    .clock(clock)
                    .dispositionBatchSize(5)
                    .observer(c -> {
                        out.println("CERT " + c.documentId());
                        out.flush();
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })
                    .build();
            archive.forTenant(TenantId.of("acme")).dispose(LocalDate.parse(args[5]), "crash-child");
            out.println("DONE");
            out.flush();
        }
    }
}
