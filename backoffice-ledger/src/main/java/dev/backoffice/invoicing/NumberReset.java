package dev.backoffice.invoicing;

/** When a series starts counting again from 1. */
public enum NumberReset {
    /** Every calendar year of the issue date; the pattern must show {@code {yyyy}}. */
    YEARLY,
    /** Every calendar month of the issue date; the pattern must show {@code {yyyy}} and {@code {MM}}. */
    MONTHLY,
    /** Never: one sequence for the life of the series. */
    NEVER
}
