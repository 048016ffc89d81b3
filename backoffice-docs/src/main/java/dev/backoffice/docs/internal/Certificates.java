package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes the certificate of a disposition step (removal, archiving, queueing for review) to the audit log. */
final class Certificates {

    private final TenantContext ctx;

    Certificates(TenantContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Appends the certificate of {@code action} on {@code d} (as it was before) to the audit
     * log, in the caller's transaction when the audit store shares the document store's.
     */
    DisposalCertificate certify(Document d, RetentionPolicy p, LocalDate asOf, String actor, String action, String reason) {
        List<ContentHash> hashes = d.versions().stream().map(DocumentVersion::contentHash).toList();
        Map<String, String> details = new TreeMap<>();
        details.put("class", d.documentClass().code());
        details.put("policy", p.name());
        details.put("policy_source", p.source());
        details.put("mode", p.mode().name());
        details.put("retain_until", d.retainUntil().map(LocalDate::toString).orElse("none"));
        details.put("as_of", asOf.toString());
        details.put("versions", Integer.toString(hashes.size()));
        details.put("content_sha256", hashes.stream().map(ContentHash::hex).collect(Collectors.joining(",")));
        details.put("created_at", d.createdAt().toString());
        if (!reason.isEmpty()) {
            details.put("reason", reason);
        }
        AuditRecord r = ctx.audit.append(AuditEvent.of(actor, action, "document/" + d.id(), details));
        return new DisposalCertificate(d.id(), d.documentClass(), action, p.name(), p.source(), d.retainUntil(), asOf, actor,
                reason, hashes, r.sequence(), r.recordedAt());
    }
}
