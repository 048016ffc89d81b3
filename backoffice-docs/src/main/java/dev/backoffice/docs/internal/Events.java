package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Business events (the end of an employment, say): recording one starts or moves the retention
 * of the owner's documents whose policy waits for it, and never moves a retention earlier.
 */
final class Events {

    private final TenantContext ctx;

    Events(TenantContext ctx) {
        this.ctx = ctx;
    }

    int recordEvent(OwnerRef owner, String event, LocalDate date, String actor) {
        Check.notNull(owner, "owner");
        Check.notBlank(event, "event");
        Check.notNull(date, "date");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        return ctx.store.write(tx -> {
            tx.lockTenant();
            Optional<LocalDate> existing = tx.event(owner, event);
            if (existing.isEmpty() || date.isAfter(existing.get())) {
                tx.putEvent(owner, event, date);
            }
            int changed = 0;
            DocumentQuery q = DocumentQuery.builder().owner(owner).build();
            Optional<DocumentId> after = Optional.empty();
            while (true) {
                List<Document> page = tx.search(q, after, TenantContext.PAGE);
                for (Document d : page) {
                    if (d.lifecycle() != Lifecycle.ACTIVE) {
                        continue;
                    }
                    RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(d.documentClass()));
                    if (!p.trigger().event().equals(Optional.of(event))) {
                        continue;
                    }
                    Optional<LocalDate> trigger = RetentionDates.triggerDate(tx, p, d.owners(), d.createdAt(), ctx.settings.zone());
                    Optional<LocalDate> until = RetentionDates.later(trigger.map(p::retainUntil), d.extendedUntil());
                    if (d.retainUntil().isPresent() && until.isPresent() && until.get().isBefore(d.retainUntil().get())) {
                        continue; // never earlier
                    }
                    if (!until.equals(d.retainUntil())) {
                        if (!tx.replace(d, d.with(Lifecycle.ACTIVE, trigger, until, Optional.empty()))) {
                            throw DocsErrors.concurrent(d.id());
                        }
                        changed++;
                    }
                }
                if (page.size() < TenantContext.PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
            ctx.audit.append(AuditEvent.of(actor, "docs.event_recorded", "event/" + event,
                    Map.of("date", date.toString(), "documents", Integer.toString(changed))));
            return changed;
        });
    }
}
