/**
 * Retention policies: periods, triggers, actions at expiry, governance and compliance modes, and
 * the policy catalogue.
 */
package dev.backoffice.docs.retention;
