/**
 * Orders (public API): the order aggregate (lines, taxes, totals, payments, shipments, returns),
 * its lifecycle state machine, the {@code Orders} front door, the {@code OrderStore} SPI and the
 * error codes ({@link dev.backoffice.orders.OrderErrorCode}).
 */
package dev.backoffice.orders;
