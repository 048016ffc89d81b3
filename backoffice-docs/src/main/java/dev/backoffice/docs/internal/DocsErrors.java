package dev.backoffice.docs.internal;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;

/** The errors several collaborators throw, worded once. */
final class DocsErrors {

    private DocsErrors() {
    }

    static InvalidRequestException unknownClass(DocumentClass c) {
        return DocsErrorCode.UNKNOWN_CLASS.invalid("documentClass", "has no retention policy in this tenant; define one first", c.code());
    }

    static NotFoundException notFound(TenantId tenant, DocumentId id) {
        return DocsErrorCode.NOT_FOUND.notFound("document " + id + " not found in tenant " + tenant);
    }

    static ConflictException wrongState(Document d, String what) {
        return DocsErrorCode.WRONG_STATE.conflict("cannot " + what + " document " + d.id() + ": it is " + d.lifecycle());
    }

    static ConflictException concurrent(DocumentId id) {
        return DocsErrorCode.CONCURRENT_CHANGE.conflict("document " + id + " changed concurrently; re-read and retry");
    }
}
