package dev.backoffice.examples.move;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveStep;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SchemaScripts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mover in a child JVM, for {@link MoveCrashTest}: moves a tenant from database one to two
 * and, after the step named in its arguments, says so on stdout and waits to be killed.
 * Arguments: sourceUrl targetUrl user password tenant workDir pauseAfterStep (workDir: unused since the move streams database to database).
 */
public final class MoveChildProcess {

    private MoveChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        MoveStep pause = MoveStep.valueOf(args[6]);
        try (HikariDataSource one = pool(args[0], args[2], args[3]); HikariDataSource two = pool(args[1], args[2], args[3])) {
            Map<String, List<String>> modules = new LinkedHashMap<>(SchemaScripts.onClassPath());
            modules.remove(TenantFence.MODULE);
            TenantMove.of(TenantId.of(args[4])).from("one", one).to("two", two).modules(modules)
                    .onStep(step -> {
                        System.out.println("STEP " + step);
                        System.out.flush();
                        if (step == pause) {
                            System.out.println("PAUSED");
                            System.out.flush();
                            try {
                                Thread.sleep(120_000); // the parent kills this JVM now
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }).run();
            System.out.println("DONE");
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
