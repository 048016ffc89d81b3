/**
 * Order processing's machinery (not part of the API): the service behind
 * {@link dev.backoffice.orders.TenantOrders}.
 */
package dev.backoffice.orders.internal;
