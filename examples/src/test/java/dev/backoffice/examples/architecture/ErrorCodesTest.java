package dev.backoffice.examples.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.ErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.inventory.InventoryErrorCode;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.ledger.archfixture.BadErrorCode;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.orders.OrderErrorCode;
import dev.backoffice.payroll.PayrollErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code of the SDK (issue #15 item 3): declared in an enum implementing
 * {@link ErrorCode} (the one form), found by scanning every production class of every module,
 * unique across the SDK, well-formed, prefixed by its domain, and built into the exception its
 * kind names.
 */
class ErrorCodesTest {

    static final Pattern FORM = Pattern.compile("^[a-z]+(\\.[a-z_]+)+$");

    /** The code prefixes a module root package may use. */
    static final Map<String, Set<String>> PREFIXES = Map.of(
            "core", Set.of("request", "storage", "page", "money", "statemachine"),
            "orders", Set.of("order"),
            "ledger", Set.of("ledger"),
            "invoicing", Set.of("invoicing"),
            "inventory", Set.of("inventory"),
            "payroll", Set.of("payroll"),
            "docs", Set.of("docs"));

    /** Every problem with the codes of {@code enums} (empty when all is well). */
    static List<String> problems(List<Class<? extends ErrorCode>> enums) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Class<? extends ErrorCode> type : enums) {
            String pkg = type.getPackageName().substring("dev.backoffice.".length());
            String root = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
            Set<String> allowed = PREFIXES.getOrDefault(root, Set.of());
            for (ErrorCode c : type.getEnumConstants()) {
                String where = type.getSimpleName() + "." + c;
                String code = c.code();
                if (code == null || !FORM.matcher(code).matches()) {
                    problems.add(where + ": '" + code + "' is not of the form " + FORM.pattern());
                    continue;
                }
                if (!allowed.contains(code.substring(0, code.indexOf('.')))) {
                    problems.add(where + ": '" + code + "' does not start with its domain's prefix " + allowed);
                }
                String before = seen.putIfAbsent(code, where);
                if (before != null) {
                    problems.add(where + ": '" + code + "' is also " + before);
                }
                if (c.kind() == null) {
                    problems.add(where + ": no kind");
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends ErrorCode>> scan() {
        List<Class<? extends ErrorCode>> enums = new ArrayList<>();
        for (JavaClass c : Modules.production()) {
            if (c.isAssignableTo(ErrorCode.class) && !c.isInterface()) {
                assertThat(c.isEnum()).as(c.getName() + " implements ErrorCode: it must be an enum").isTrue();
                enums.add((Class<? extends ErrorCode>) c.reflect());
            }
        }
        return enums;
    }

    @Test
    void everyCodeOfTheSdkIsUniqueWellFormedAndPrefixedByItsDomain() {
        List<Class<? extends ErrorCode>> enums = scan();
        assertThat(enums).contains(CoreErrorCode.class, OrderErrorCode.class, LedgerErrorCode.class,
                InvoicingErrorCode.class, InventoryErrorCode.class, PayrollErrorCode.class, DocsErrorCode.class);
        assertThat(problems(enums)).isEmpty();
        assertThat(enums.stream().mapToInt(e -> e.getEnumConstants().length).sum()).isGreaterThan(100);
    }

    @Test
    void theCheckReportsABadEnum() {
        List<String> problems = problems(List.of(LedgerErrorCode.class, BadErrorCode.class));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("MALFORMED").contains("not of the form");
        assertThat(problems.get(1)).contains("WRONG_DOMAIN").contains("prefix");
        assertThat(problems.get(2)).contains("DUPLICATE").contains("LedgerErrorCode.INSUFFICIENT_FUNDS");
    }

    @Test
    void eachCodeBuildsTheExceptionItsKindNames() {
        Map<ErrorCode.Kind, Class<? extends BackofficeException>> types = Map.of(
                ErrorCode.Kind.INVALID, InvalidRequestException.class,
                ErrorCode.Kind.NOT_FOUND, NotFoundException.class,
                ErrorCode.Kind.CONFLICT, ConflictException.class,
                ErrorCode.Kind.RULE, RuleViolationException.class,
                ErrorCode.Kind.STORAGE, StorageException.class);
        for (Class<? extends ErrorCode> type : scan()) {
            for (ErrorCode c : type.getEnumConstants()) {
                BackofficeException e = c.exception("field", "message", "value");
                assertThat(e).as(c.code()).isInstanceOf(types.get(c.kind()));
                assertThat(e.code()).isEqualTo(c.code());
            }
        }
        assertThat(CoreErrorCode.PAGE_INVALID_CURSOR.invalid("cursor", "bad", "x").violations().get(0).field()).isEqualTo("cursor");
        assertThat(OrderErrorCode.NOT_FOUND.notFound("m").getMessage()).isEqualTo("m");
        assertThat(PayrollErrorCode.PERIOD_ALREADY_APPROVED.conflict("m")).isInstanceOf(ConflictException.class)
                .extracting(BackofficeException::code).isEqualTo("payroll.period_already_approved");
    }

    @Test
    void theCodeConstantsOnExceptionsAreTheEnumsCodes() {
        assertThat(InvalidRequestException.CODE).isEqualTo(CoreErrorCode.REQUEST_INVALID.code());
        assertThat(StorageException.FAILURE).isEqualTo(CoreErrorCode.STORAGE_FAILURE.code());
        assertThat(StorageException.RETRIES_EXHAUSTED).isEqualTo(CoreErrorCode.STORAGE_RETRIES_EXHAUSTED.code());
        assertThat(StorageException.SCHEMA_MISSING).isEqualTo(CoreErrorCode.STORAGE_SCHEMA_MISSING.code());
        assertThat(OutcomeUnknownException.CODE).isEqualTo(CoreErrorCode.STORAGE_OUTCOME_UNKNOWN.code());
        assertThat(dev.backoffice.core.error.RetryHostTransactionException.CODE)
                .isEqualTo(CoreErrorCode.STORAGE_RETRY_HOST_TRANSACTION.code());
    }
}
