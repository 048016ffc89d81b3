package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journal entry to post: two or more postings that balance per currency.
 *
 * <p>Build one with {@link #builder(LocalDate, String)}:
 * <pre>{@code
 * EntryRequest sale = EntryRequest.builder(LocalDate.of(2026, 3, 1), "Invoice 2026/001")
 *         .debit("1100", Money.parse("EUR 123.00"))
 *         .credit("4000", Money.parse("EUR 100.00"))
 *         .credit("2200", Money.parse("EUR 23.00"))
 *         .idempotencyKey("invoice-2026-001")
 *         .build();
 * }</pre>
 *
 * <p>The date range and the metadata limits ({@link LedgerLimits}) are checked when the request is
 * made. The rules (at least two postings, positive amounts, balance per currency, no account both
 * debited and credited, accounts known, open and in the posting's currency, date after the closed
 * period, balance limits) are checked when posting; each failure has its own {@link LedgerErrorCode}.
 *
 * @param id             the entry's id, or empty to generate one; re-posting an existing id with
 *                       the same content returns the stored entry, with other content is a conflict
 * @param idempotencyKey the caller's key, or empty; same rules as for {@code id}
 * @param effectiveDate  the value date (decides the period and every as-of report), within
 *                       {@link LedgerLimits#MIN_DATE}..{@link LedgerLimits#MAX_DATE}
 *                       ({@link LedgerErrorCode#DATE_OUT_OF_RANGE} otherwise)
 * @param description    what happened, for humans (1-500 characters)
 * @param metadata       free key/value facts (order id, invoice number...), within
 *                       {@link LedgerLimits#MAX_METADATA_KEYS} keys and {@link LedgerLimits#MAX_METADATA_CHARS}
 *                       characters ({@link LedgerErrorCode#METADATA_TOO_LARGE} otherwise)
 * @param postings       the lines
 * @param pending        whether this is a hold (two-phase): amounts go to pending counters
 * @param expiresAt      for a hold, when {@code expirePending} may void it; empty never
 */
public record EntryRequest(Optional<EntryId> id, Optional<String> idempotencyKey, LocalDate effectiveDate,
                           String description, Map<String, String> metadata, List<Posting> postings,
                           boolean pending, Optional<Instant> expiresAt) {

    /** Longest description accepted. */
    public static final int MAX_DESCRIPTION = 500;
    /** Most postings one entry may have. */
    public static final int MAX_POSTINGS = 1000;
    /** Longest idempotency key accepted. */
    public static final int MAX_KEY = 200;

    public EntryRequest {
        Check.notNull(id, "id");
        Check.notNull(idempotencyKey, "idempotencyKey");
        idempotencyKey.ifPresent(k -> Check.text(k, "idempotencyKey", MAX_KEY));
        LedgerLimits.checkDate(effectiveDate, "effectiveDate");
        Check.text(description, "description", MAX_DESCRIPTION);
        metadata = Map.copyOf(LedgerLimits.checkMetadata(metadata));
        postings = List.copyOf(Check.notNull(postings, "postings"));
        Check.notNull(expiresAt, "expiresAt");
        Check.that(pending || expiresAt.isEmpty(), "expiresAt", "is only allowed on a pending entry", expiresAt.orElse(null));
    }

    /** Starts an entry dated {@code effectiveDate}. */
    public static Builder builder(LocalDate effectiveDate, String description) {
        return new Builder(effectiveDate, description);
    }

    /** Fluent builder of {@link EntryRequest}; not thread-safe. */
    public static final class Builder {
        private final LocalDate effectiveDate;
        private final String description;
        private final List<Posting> postings = new ArrayList<>(4);
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private EntryId id;
        private String idempotencyKey;
        private boolean pending;
        private Instant expiresAt;

        private Builder(LocalDate effectiveDate, String description) {
            this.effectiveDate = effectiveDate;
            this.description = description;
        }

        /** Debit {@code amount} to the account with chart code {@code code}. */
        public Builder debit(String code, Money amount) {
            postings.add(Posting.debit(code, amount));
            return this;
        }

        /** Credit {@code amount} to the account with chart code {@code code}. */
        public Builder credit(String code, Money amount) {
            postings.add(Posting.credit(code, amount));
            return this;
        }

        /** Debit {@code amount} to account {@code id}. */
        public Builder debit(AccountId account, Money amount) {
            postings.add(Posting.debit(account, amount));
            return this;
        }

        /** Credit {@code amount} to account {@code id}. */
        public Builder credit(AccountId account, Money amount) {
            postings.add(Posting.credit(account, amount));
            return this;
        }

        /** Adds a posting. */
        public Builder posting(Posting posting) {
            postings.add(Check.notNull(posting, "posting"));
            return this;
        }

        /** Adds postings, e.g. from {@link FxEntries#exchange}. */
        public Builder postings(List<Posting> more) {
            Check.notNull(more, "postings").forEach(this::posting);
            return this;
        }

        /** Adds a metadata fact. */
        public Builder metadata(String key, String value) {
            metadata.put(Check.notBlank(key, "metadata key"), Check.notNull(value, "metadata[" + key + "]"));
            return this;
        }

        /** Sets the caller's idempotency key. */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        /** Uses {@code id} instead of a generated one. */
        public Builder id(EntryId id) {
            this.id = id;
            return this;
        }

        /** Makes this a hold (two-phase) that never expires. */
        public Builder pending() {
            this.pending = true;
            return this;
        }

        /** Makes this a hold (two-phase) that {@code expirePending} voids once {@code expiresAt} passed. */
        public Builder pendingUntil(Instant expiresAt) {
            this.pending = true;
            this.expiresAt = Check.notNull(expiresAt, "expiresAt");
            return this;
        }

        /** The request. */
        public EntryRequest build() {
            return new EntryRequest(Optional.ofNullable(id), Optional.ofNullable(idempotencyKey), effectiveDate,
                    description, metadata, postings, pending, Optional.ofNullable(expiresAt));
        }
    }
}
