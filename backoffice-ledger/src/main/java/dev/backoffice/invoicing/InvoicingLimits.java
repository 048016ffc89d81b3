package dev.backoffice.invoicing;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.LedgerLimits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The explicit limits of invoicing, checked once at the API door (the command records and
 * {@link TenantInvoicing}), so every store accepts and refuses exactly the same input and no
 * store meets a value its columns cannot hold. Where the Polish e-invoice schema FA(3) has a
 * tighter limit for the same field, the limit here is that one, so every invoice can be sent.
 */
public final class InvoicingLimits {

    /** Earliest date accepted anywhere (the ledger's). */
    public static final LocalDate MIN_DATE = LedgerLimits.MIN_DATE;
    /** Latest date accepted anywhere (the ledger's, SQL {@code DATE}'s four-digit years). */
    public static final LocalDate MAX_DATE = LedgerLimits.MAX_DATE;
    /** Most lines one invoice may have. */
    public static final int MAX_LINES = 1000;
    /** Most decimals of a line quantity (FA(3) {@code P_8B}: six). */
    public static final int MAX_QUANTITY_SCALE = 6;
    /** Largest line quantity: twelve integer digits. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999999");
    /** Most decimals of a unit price (FA(3) {@code P_9A}: eight). */
    public static final int MAX_PRICE_SCALE = 8;
    /** Largest unit price: twelve integer digits. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");
    /**
     * Largest net value of one line, in minor units of its currency (PLN 10 trillion): with at
     * most {@link #MAX_LINES} lines no invoice total can overflow 64-bit minor units.
     */
    public static final long MAX_LINE_NET_MINOR = 1_000_000_000_000_000L;
    /** Longest line description (FA(3) {@code P_7}: 512). */
    public static final int MAX_DESCRIPTION_LENGTH = 512;
    /** Longest unit of measure ("szt.", "h", "kg"). */
    public static final int MAX_UNIT_LENGTH = 64;
    /** Longest party name (FA(3) {@code Nazwa}: 512). */
    public static final int MAX_NAME_LENGTH = 512;
    /** Longest party address line (FA(3) {@code AdresL1}: 512). */
    public static final int MAX_ADDRESS_LENGTH = 512;
    /** Longest customer key (the caller's id of a buyer, matched between invoices and payments). */
    public static final int MAX_CUSTOMER_LENGTH = 200;
    /** Longest payment reference (a bank transfer title). */
    public static final int MAX_REFERENCE_LENGTH = 200;
    /** Longest series code ("FV", "KOR", "UK-SALES"). */
    public static final int MAX_SERIES_CODE_LENGTH = 32;
    /** Longest number pattern. */
    public static final int MAX_PATTERN_LENGTH = 100;
    /** Longest invoice number a pattern may produce (FA(3) {@code P_2}: 256). */
    public static final int MAX_NUMBER_LENGTH = 256;
    /** Longest payment term in days. */
    public static final int MAX_PAYMENT_DAYS = 3650;
    /** Most allocations one payment command may carry. */
    public static final int MAX_ALLOCATIONS = 500;
    /** Most invoices one overdue sweep marks (call it again for the rest). */
    public static final int MAX_SWEEP = 500;
    /** Largest page of a listing. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Most holes a gap audit lists one by one (it always counts all of them). */
    public static final int MAX_AUDIT_HOLES = 1000;
    /** Longest actor (the audit log's limit). */
    public static final int MAX_ACTOR_LENGTH = AuditEvent.MAX_ACTOR_LENGTH;
    /** Longest reason (a cancellation's), the audit log's limit. */
    public static final int MAX_REASON_LENGTH = AuditEvent.MAX_REASON_LENGTH;

    private InvoicingLimits() {
    }

    /**
     * {@code date}, if not null and within {@link #MIN_DATE}..{@link #MAX_DATE}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code request.invalid} for null,
     *         {@link InvoicingErrorCode#INVALID_DATE} (naming {@code field}) outside the range
     */
    public static LocalDate checkDate(LocalDate date, String field) {
        Check.notNull(date, field);
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw InvoicingErrorCode.INVALID_DATE.exception(field, "must be within " + MIN_DATE + ".." + MAX_DATE, date);
        }
        return date;
    }
}
