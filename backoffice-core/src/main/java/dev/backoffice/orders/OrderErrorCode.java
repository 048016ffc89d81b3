package dev.backoffice.orders;

import dev.backoffice.core.error.ErrorCode;

/**
 * The stable error codes of order processing, each with the kind of exception that carries it.
 * Whatever fails, the stored order is unchanged.
 *
 * <p>{@link #kind()} names the exception family a code is normally thrown as; the factories of
 * {@link ErrorCode} build it.
 */
public enum OrderErrorCode implements ErrorCode {
    /** A line quantity, shipped or returned quantity is zero or negative ({@code InvalidRequestException}). */
    INVALID_QUANTITY("order.invalid_quantity", Kind.INVALID),
    /** A unit price is negative ({@code InvalidRequestException}). */
    INVALID_PRICE("order.invalid_price", Kind.INVALID),
    /** A unit price is zero and zero-price lines are not allowed ({@code InvalidRequestException}). */
    ZERO_PRICE("order.zero_price", Kind.INVALID),
    /** A tax rate is outside 0-100 % or has more than 4 decimals ({@code InvalidRequestException}). */
    INVALID_TAX_RATE("order.invalid_tax_rate", Kind.INVALID),
    /** An amount or price is in another currency than the order ({@code InvalidRequestException}). */
    CURRENCY_MISMATCH("order.currency_mismatch", Kind.INVALID),
    /** A payment or refund amount is zero or negative ({@code InvalidRequestException}). */
    INVALID_AMOUNT("order.invalid_amount", Kind.INVALID),
    /** Two lines share a SKU ({@code InvalidRequestException}). */
    DUPLICATE_SKU("order.duplicate_sku", Kind.INVALID),
    /** An order needs at least one line, and at most {@link OrderLine#MAX_LINES} ({@code InvalidRequestException}). */
    INVALID_LINES("order.invalid_lines", Kind.INVALID),
    /** A shipment or return names a SKU the order does not have ({@code InvalidRequestException}). */
    UNKNOWN_SKU("order.unknown_sku", Kind.INVALID),
    /** A payment exceeds the amount due ({@code RuleViolationException}). */
    OVERPAYMENT("order.overpayment", Kind.RULE),
    /** A shipment exceeds what is left to ship of a line ({@code RuleViolationException}). */
    OVERSHIPMENT("order.overshipment", Kind.RULE),
    /** A return exceeds what was delivered and not yet returned ({@code RuleViolationException}). */
    RETURN_EXCEEDS_DELIVERED("order.return_exceeds_delivered", Kind.RULE),
    /** A refund exceeds what was paid and not yet refunded ({@code RuleViolationException}). */
    REFUND_EXCEEDS_PAID("order.refund_exceeds_paid", Kind.RULE),
    /** No order with that id in this tenant ({@code NotFoundException}). */
    NOT_FOUND("order.not_found", Kind.NOT_FOUND),
    /** An order with that id already exists in this tenant ({@code ConflictException}). */
    ALREADY_EXISTS("order.already_exists", Kind.CONFLICT),
    /** Someone changed the order since it was read; re-read and retry ({@code ConflictException}). */
    VERSION_CONFLICT("order.version_conflict", Kind.CONFLICT),
    /** The event is not allowed in the order's status ({@code TransitionNotAllowedException}). */
    ILLEGAL_TRANSITION("order.illegal_transition", Kind.RULE),
    /** The event is allowed in the status but its condition does not hold, e.g. shipping an unpaid order that is not pay-later. */
    GUARD_REJECTED("order.guard_rejected", Kind.RULE);

    private final String code;
    private final Kind kind;

    OrderErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
