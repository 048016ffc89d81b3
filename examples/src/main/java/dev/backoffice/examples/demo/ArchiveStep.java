package dev.backoffice.examples.demo;

import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.docs.retention.RetentionPolicy;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.Archiving;
import dev.backoffice.core.page.Page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The archive's part of the demo for one company: retention policies from the shipped
 * catalogue, documents archived as the month produces them, the leaver's end of employment
 * recorded (it starts her file's retention), the legal hold, and the summary after the
 * disposition run.
 */
final class ArchiveStep {

    private final TenantArchive archive;
    private final Scenario.Entity entity;
    private final String actor;
    /** Titles by document id, for the report: a disposed document keeps no title of its own. */
    private final Map<DocumentId, String> titles = new LinkedHashMap<>();

    ArchiveStep(TenantArchive archive, Scenario.Entity entity, String actor) {
        this.archive = archive;
        this.entity = entity;
        this.actor = actor;
    }

    /** Sets each document class's policy from the catalogue entry the scenario names. */
    void policies() {
        PolicyCatalogue catalogue = PolicyCatalogue.standard();
        entity.retention().forEach((documentClass, entryId) -> {
            RetentionPolicy policy = catalogue.policy(entryId).forClass(DocumentClass.of(documentClass));
            if (!archive.policy(policy.documentClass()).filter(policy::equals).isPresent()) {
                archive.setPolicy(policy, actor);
            }
        });
    }

    /** Whether the scenario archives documents of this class for this company. */
    boolean keeps(DocumentClass documentClass) {
        return entity.retention().containsKey(documentClass.code());
    }

    /** Archives a document (again: same id and content store it once). */
    void archive(Archiving.Item item) {
        titles.put(item.document().id(), item.document().title());
        if (keeps(item.document().documentClass()) && !dryRun) {
            archive.ingest(item.document(), item.content());
        }
    }

    private boolean dryRun;

    /** On a rerun nothing is ingested again; titles are still collected for the report. */
    void dryRun(boolean value) {
        dryRun = value;
    }

    /** Records that the employment of each leaver ended, and places the scenario's legal hold. */
    void leaversAndHold() {
        for (Scenario.EmployeeSpec e : entity.employees()) {
            if (e.end().isPresent()) {
                archive.recordEvent(OwnerRef.employee(e.ref()), "employment-ended", e.end().get(), actor);
            }
        }
        entity.legalHold().ifPresent(hold -> {
            boolean placed = archive.holds().stream().map(LegalHold::name).anyMatch(hold.name()::equals);
            if (!placed) {
                archive.placeHold(hold.name(), hold.reason(), HoldScope.owner(OwnerRef.employee(hold.employee())), actor);
            }
        });
    }

    /** The summary the report shows, read back from the archive after the disposition run. */
    ArchiveResult summary(LocalDate asOf, int certificates) {
        TreeMap<String, Integer> byClass = new TreeMap<>();
        List<ArchiveResult.Line> disposed = new ArrayList<>();
        List<ArchiveResult.Line> held = new ArrayList<>();
        int retained = 0;
        for (Document d : all()) {
            byClass.merge(d.documentClass().code(), 1, Integer::sum);
            String title = titles.getOrDefault(d.id(), d.title());
            if (d.lifecycle() == Lifecycle.DISPOSED) {
                disposed.add(new ArchiveResult.Line(d.documentClass().code(), title,
                        "retention ended " + d.retainUntil().map(Object::toString).orElse("?")));
            } else if (d.retainUntil().filter(until -> !until.isAfter(asOf)).isPresent() && !archive.holdsOn(d.id()).isEmpty()) {
                held.add(new ArchiveResult.Line(d.documentClass().code(), title,
                        "retention ended " + d.retainUntil().get() + "; held by: " + archive.holdsOn(d.id()).get(0).name()));
            } else {
                retained++;
            }
        }
        return new ArchiveResult(byClass, asOf, disposed, held, retained, certificates);
    }

    private List<Document> all() {
        List<Document> docs = new ArrayList<>();
        DocumentQuery query = DocumentQuery.builder().includeDisposed(true).build();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Document> page = archive.search(query, cursor, 500);
            docs.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return docs;
    }
}
