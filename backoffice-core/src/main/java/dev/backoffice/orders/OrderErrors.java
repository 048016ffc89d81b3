package dev.backoffice.orders;

/**
 * The stable error codes of order processing. Each failure is a typed
 * {@link dev.backoffice.core.error.BackofficeException} carrying one of these codes, and the
 * stored order is unchanged.
 */
public final class OrderErrors {
    private OrderErrors() {
    }

    /** A line quantity, shipped or returned quantity is zero or negative ({@code InvalidRequestException}). */
    public static final String INVALID_QUANTITY = "order.invalid_quantity";
    /** A unit price is negative ({@code InvalidRequestException}). */
    public static final String INVALID_PRICE = "order.invalid_price";
    /** A unit price is zero and zero-price lines are not allowed ({@code InvalidRequestException}). */
    public static final String ZERO_PRICE = "order.zero_price";
    /** A tax rate is outside 0-100 % or has more than 4 decimals ({@code InvalidRequestException}). */
    public static final String INVALID_TAX_RATE = "order.invalid_tax_rate";
    /** An amount or price is in another currency than the order ({@code InvalidRequestException}). */
    public static final String CURRENCY_MISMATCH = "order.currency_mismatch";
    /** A payment or refund amount is zero or negative ({@code InvalidRequestException}). */
    public static final String INVALID_AMOUNT = "order.invalid_amount";
    /** Two lines share a SKU ({@code InvalidRequestException}). */
    public static final String DUPLICATE_SKU = "order.duplicate_sku";
    /** An order needs at least one line, and at most {@link OrderLine#MAX_LINES} ({@code InvalidRequestException}). */
    public static final String INVALID_LINES = "order.invalid_lines";
    /** A shipment or return names a SKU the order does not have ({@code InvalidRequestException}). */
    public static final String UNKNOWN_SKU = "order.unknown_sku";
    /** A payment exceeds the amount due ({@code RuleViolationException}). */
    public static final String OVERPAYMENT = "order.overpayment";
    /** A shipment exceeds what is left to ship of a line ({@code RuleViolationException}). */
    public static final String OVERSHIPMENT = "order.overshipment";
    /** A return exceeds what was delivered and not yet returned ({@code RuleViolationException}). */
    public static final String RETURN_EXCEEDS_DELIVERED = "order.return_exceeds_delivered";
    /** A refund exceeds what was paid and not yet refunded ({@code RuleViolationException}). */
    public static final String REFUND_EXCEEDS_PAID = "order.refund_exceeds_paid";
    /** No order with that id in this tenant ({@code NotFoundException}). */
    public static final String NOT_FOUND = "order.not_found";
    /** An order with that id already exists in this tenant ({@code ConflictException}). */
    public static final String ALREADY_EXISTS = "order.already_exists";
    /** Someone changed the order since it was read; re-read and retry ({@code ConflictException}). */
    public static final String VERSION_CONFLICT = "order.version_conflict";
    /** The event is not allowed in the order's status ({@code TransitionNotAllowedException}). */
    public static final String ILLEGAL_TRANSITION = "order.illegal_transition";
    /** The event is allowed in the status but its condition does not hold, e.g. shipping an unpaid order that is not pay-later. */
    public static final String GUARD_REJECTED = "order.guard_rejected";
}
