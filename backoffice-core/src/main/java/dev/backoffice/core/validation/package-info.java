/**
 * Argument checks at the API door ({@code Check}) and the shared jakarta.validation {@code
 * Validator}; failures are {@code InvalidRequestException}s listing every violation.
 */
package dev.backoffice.core.validation;
