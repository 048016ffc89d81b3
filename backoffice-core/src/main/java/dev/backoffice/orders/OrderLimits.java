package dev.backoffice.orders;

import dev.backoffice.core.audit.AuditEvent;

/**
 * Order processing's explicit limits in one place, checked once at the API door (the command
 * and value records), so every store accepts and refuses the same input.
 */
public final class OrderLimits {

    /** Most lines in one order (also {@link OrderLine#MAX_LINES}). */
    public static final int MAX_LINES = OrderLine.MAX_LINES;
    /** Largest quantity of one line (also {@link OrderLine#MAX_QUANTITY}). */
    public static final int MAX_QUANTITY = OrderLine.MAX_QUANTITY;
    /** Longest SKU accepted (also {@link OrderLine#MAX_SKU_LENGTH}). */
    public static final int MAX_SKU_LENGTH = OrderLine.MAX_SKU_LENGTH;
    /** Longest customer reference (characters). */
    public static final int MAX_CUSTOMER_REF_LENGTH = 200;
    /** Longest payment reference (characters), e.g. a payment provider's transaction id. */
    public static final int MAX_PAYMENT_REFERENCE_LENGTH = 200;
    /** Longest actor (characters): the audit log's limit. */
    public static final int MAX_ACTOR_LENGTH = AuditEvent.MAX_ACTOR_LENGTH;
    /** Longest reason of a change or refund (characters). */
    public static final int MAX_REASON_LENGTH = AuditEvent.MAX_REASON_LENGTH;
    /** Most orders on one page of a listing ({@link OrderReads#list}). */
    public static final int MAX_PAGE_SIZE = 500;

    private OrderLimits() {
    }
}
