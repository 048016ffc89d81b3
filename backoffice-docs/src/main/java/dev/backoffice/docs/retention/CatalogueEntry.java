package dev.backoffice.docs.retention;

import dev.backoffice.core.validation.Check;

/**
 * A ready-made retention policy from the {@link PolicyCatalogue}, with where it comes from.
 *
 * @param id           stable key, e.g. {@code pl.employee-file}
 * @param jurisdiction ISO country code, e.g. {@code PL}, {@code GB}
 * @param policy       the policy, for the catalogue's default document class
 * @param sourceUrl    where the cited provision can be read
 * @param note         what the figure covers and what it does not (exceptions, older rules)
 */
public record CatalogueEntry(String id, String jurisdiction, RetentionPolicy policy, String sourceUrl, String note) {
    public CatalogueEntry {
        Check.notBlank(id, "id");
        Check.notBlank(jurisdiction, "jurisdiction");
        Check.notNull(policy, "policy");
        Check.notBlank(sourceUrl, "sourceUrl");
        Check.notNull(note, "note");
    }
}
