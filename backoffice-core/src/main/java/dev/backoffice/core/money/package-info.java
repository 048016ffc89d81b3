/**
 * Money arithmetic over Joda-Money in 64-bit minor units that fails loudly on overflow, and
 * allocation by ratios with no cent lost.
 */
package dev.backoffice.core.money;
