package dev.backoffice.docs.retention;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small catalogue of ready-made retention policies for Poland and the United Kingdom, kept as
 * data ({@code dev/backoffice/docs/retention/catalogue.json}), each citing its legal source.
 *
 * <p>The figures are statutory <em>minimums</em> for the common case, checked against the
 * cited provisions in November 2026. They are a starting point, not legal advice: special
 * cases (employment begun before 2019 in Poland, an interrupted tax limitation period, a public
 * company in the UK) are named in each entry's note.
 */
public final class PolicyCatalogue {

    private static final String RESOURCE = "dev/backoffice/docs/retention/catalogue.json";
    private static final PolicyCatalogue STANDARD = load();

    private final Map<String, CatalogueEntry> entries;

    private PolicyCatalogue(List<CatalogueEntry> entries) {
        Map<String, CatalogueEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.id(), e));
        this.entries = java.util.Collections.unmodifiableMap(map);
    }

    /** The catalogue shipped with the SDK. */
    public static PolicyCatalogue standard() {
        return STANDARD;
    }

    /** Every entry, in catalogue order. */
    public List<CatalogueEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The entry with this id.
     *
     * @throws NotFoundException {@code docs.unknown_class} if there is none
     */
    public CatalogueEntry entry(String id) {
        Check.notBlank(id, "id");
        CatalogueEntry e = entries.get(id);
        if (e == null) {
            throw DocsErrorCode.UNKNOWN_CLASS.notFound("no catalogue entry " + id + "; known: " + entries.keySet());
        }
        return e;
    }

    /** The policy of entry {@code id}. */
    public RetentionPolicy policy(String id) {
        return entry(id).policy();
    }

    private static PolicyCatalogue load() {
        try (InputStream in = PolicyCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalogue resource missing: " + RESOURCE);
            }
            List<CatalogueEntry> list = BackofficeJson.mapper().readValue(in, new TypeReference<List<CatalogueEntry>>() {
            });
            return new PolicyCatalogue(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
