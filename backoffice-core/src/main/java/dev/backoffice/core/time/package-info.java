/**
 * Clocks for tests ({@code AdjustableClock}); domain code takes an injected {@code
 * java.time.Clock}.
 */
package dev.backoffice.core.time;
