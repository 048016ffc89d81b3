/**
 * The one preconfigured Jackson {@code ObjectMapper} (java.time, Joda-Money, records) every
 * module serialises with.
 */
package dev.backoffice.core.json;
