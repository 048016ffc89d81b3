package dev.backoffice.payroll;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The tax and insurance attributes one jurisdiction needs about an employee. Each jurisdiction's
 * rules read their own profile type; a run refuses an employee whose profile belongs elsewhere.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "jurisdiction")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PolishTaxProfile.class, name = "PL"),
        @JsonSubTypes.Type(value = UkTaxProfile.class, name = "GB")})
public sealed interface TaxProfile permits PolishTaxProfile, UkTaxProfile {
    /** The jurisdiction code of the rules that read this profile ({@code PL}, {@code GB}). */
    String jurisdictionCode();
}
