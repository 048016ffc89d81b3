package dev.backoffice.ledger;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.Map;

/**
 * The ledger's explicit limits, checked once at the API door (the request records and
 * {@link TenantLedger}'s methods), so every store accepts and refuses exactly the same input and
 * no store ever meets a value its columns cannot hold.
 */
public final class LedgerLimits {

    /** Earliest business date accepted anywhere (an entry's date, an as-of date, a period bound). */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** Latest business date accepted anywhere: SQL {@code DATE}'s range, four-digit years. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    /** Most metadata keys one entry may carry. */
    public static final int MAX_METADATA_KEYS = 64;
    /**
     * Most metadata characters one entry may carry: the sum over its keys and values of their
     * lengths, where a character JSON must escape (a control character, {@code "} or {@code \})
     * counts as 6. Stored as JSON, it then always fits the stores' columns.
     */
    public static final int MAX_METADATA_CHARS = 4096;
    /**
     * Most entries one atomic batch ({@code TenantLedger.postBatch}) may hold: TigerBeetle's batch
     * maximum, small enough that a batch is one bounded unit of work for every store.
     */
    public static final int MAX_BATCH_ENTRIES = 8190;
    /** Longest actor accepted (characters) by period closes, reopenings and year-end closes: the audit log's limit. */
    public static final int MAX_ACTOR_LENGTH = AuditEvent.MAX_ACTOR_LENGTH;
    /** Longest reason accepted (characters) by reversals and period reopenings. */
    public static final int MAX_REASON_LENGTH = AuditEvent.MAX_REASON_LENGTH;
    /** Longest account name accepted (characters). */
    public static final int MAX_ACCOUNT_NAME_LENGTH = 200;
    /** Most postings one entry may have (also {@link EntryRequest#MAX_POSTINGS}). */
    public static final int MAX_POSTINGS = EntryRequest.MAX_POSTINGS;
    /** Longest entry description accepted (also {@link EntryRequest#MAX_DESCRIPTION}). */
    public static final int MAX_DESCRIPTION_LENGTH = EntryRequest.MAX_DESCRIPTION;
    /** Longest idempotency key accepted (also {@link EntryRequest#MAX_KEY}). */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = EntryRequest.MAX_KEY;

    private LedgerLimits() {
    }

    /**
     * {@code date}, if not null and within {@link #MIN_DATE}..{@link #MAX_DATE}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code request.invalid} for null,
     *         {@link LedgerErrorCode#DATE_OUT_OF_RANGE} (naming {@code field}) outside the range
     */
    public static LocalDate checkDate(LocalDate date, String field) {
        Check.notNull(date, field);
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw LedgerErrorCode.DATE_OUT_OF_RANGE.exception(field, "must be within " + MIN_DATE + ".." + MAX_DATE, date);
        }
        return date;
    }

    /**
     * {@code metadata}, if its keys are not blank, its values not null and it is within
     * {@link #MAX_METADATA_KEYS} and {@link #MAX_METADATA_CHARS}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code request.invalid} for a null
     *         or blank key or a null value, {@link LedgerErrorCode#METADATA_TOO_LARGE} beyond a limit
     */
    public static Map<String, String> checkMetadata(Map<String, String> metadata) {
        Check.notNull(metadata, "metadata");
        if (metadata.isEmpty()) {
            return metadata;
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw LedgerErrorCode.METADATA_TOO_LARGE.exception("metadata", "must have at most " + MAX_METADATA_KEYS + " keys",
                    metadata.size() + " keys");
        }
        long chars = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String k = e.getKey();
            if (k == null || k.isBlank()) {
                Check.notBlank(k, "metadata key");
            }
            Check.notNull(e.getValue(), "metadata[" + k + "]");
            chars += weight(k) + weight(e.getValue());
        }
        if (chars > MAX_METADATA_CHARS) {
            throw LedgerErrorCode.METADATA_TOO_LARGE.exception("metadata", "must have at most " + MAX_METADATA_CHARS
                    + " characters in its keys and values (a control character, '\"' or '\\' counts 6)", chars + " characters");
        }
        return metadata;
    }

    private static long weight(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                n += 5;
            }
        }
        return n;
    }
}
