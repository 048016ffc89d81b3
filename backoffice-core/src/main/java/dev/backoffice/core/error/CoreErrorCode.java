package dev.backoffice.core.error;

/**
 * The error codes of {@code backoffice-core} itself: request validation, storage, paging, money
 * arithmetic and state-machine definitions. Order processing has its own
 * {@code dev.backoffice.orders.OrderErrorCode}.
 *
 * <p>The most used of these are also compile-time constants on the exception that carries them,
 * for {@code switch} labels and Javadoc: {@link InvalidRequestException#CODE},
 * {@link StorageException#FAILURE}, {@link StorageException#RETRIES_EXHAUSTED},
 * {@link StorageException#SCHEMA_MISSING}, {@link OutcomeUnknownException#CODE} and
 * {@link RetryHostTransactionException#CODE}; a test holds
 * them equal to these.
 */
public enum CoreErrorCode implements ErrorCode {
    /** A command or factory argument is invalid (the default code of {@link InvalidRequestException}). */
    REQUEST_INVALID("request.invalid", Kind.INVALID),
    /** A database or I/O error; nothing was written. */
    STORAGE_FAILURE("storage.failure", Kind.STORAGE),
    /** Serialization failures, deadlocks or connection losses kept recurring; nothing was written. */
    STORAGE_RETRIES_EXHAUSTED("storage.retries_exhausted", Kind.STORAGE),
    /** A schema script is missing from the class path; nothing was written. */
    STORAGE_SCHEMA_MISSING("storage.schema_missing", Kind.STORAGE),
    /**
     * The connection failed while the database was committing: the write may or may not be stored
     * (carried by {@link OutcomeUnknownException}, which says what to look up).
     */
    STORAGE_OUTCOME_UNKNOWN("storage.outcome_unknown", Kind.STORAGE),
    /**
     * A serialization failure, deadlock or lost connection inside the host application's
     * transaction, where the SDK does not retry: roll back the host transaction and run it again
     * (carried by {@link RetryHostTransactionException}). Nothing of the SDK call is stored.
     */
    STORAGE_RETRY_HOST_TRANSACTION("storage.retry_host_transaction", Kind.STORAGE),
    /**
     * The tenant placement ({@code core.store.placement.TenantPlacement}) places no database for
     * this tenant: nothing was read or written. The message names the tenant.
     */
    STORAGE_TENANT_NOT_PLACED("storage.tenant_not_placed", Kind.STORAGE),
    /**
     * The tenant placement names a database no store was given for (a deployment mistake):
     * nothing was read or written. The message names the tenant and the placement.
     */
    STORAGE_PLACEMENT_UNKNOWN("storage.placement_unknown", Kind.STORAGE),
    /**
     * A tenant export ({@code core.export.TenantExport}) does not verify: a file's SHA-256 or row
     * count differs from its manifest, a row is of another tenant, or the format version is
     * unknown. The field names the file; nothing was imported.
     */
    STORAGE_EXPORT_INVALID("storage.export_invalid", Kind.INVALID),
    /** The database an export is imported into already holds rows of that tenant: nothing was imported. */
    STORAGE_IMPORT_TENANT_EXISTS("storage.import_tenant_exists", Kind.CONFLICT),
    /**
     * The tenant is being moved between databases ({@code core.store.move.TenantMove}) and its
     * writes are fenced on this one for a few seconds: nothing was written. Retryable: run the
     * same call again in a moment (it lands on the tenant's database of then).
     */
    STORAGE_TENANT_MOVING("storage.tenant_moving", Kind.STORAGE),
    /**
     * The tenant has moved to another database and this one refuses its writes for good: nothing
     * was written. Retryable once the tenant placement names its new database (the message names
     * the tenant only, never a database).
     */
    STORAGE_TENANT_MOVED("storage.tenant_moved", Kind.STORAGE),
    /**
     * A tenant move cannot go on as asked: another move of the tenant is under way to another
     * database, the move already finished (no rollback), or its verification found a difference
     * (the message names the table). The tenant stays fenced on its source until the move is run
     * again or rolled back.
     */
    STORAGE_MOVE_CONFLICT("storage.move_conflict", Kind.CONFLICT),
    /** A page cursor was not issued by this listing, was tampered with or is malformed. */
    PAGE_INVALID_CURSOR("page.invalid_cursor", Kind.INVALID),
    /** An amount does not fit in 64-bit minor units. */
    MONEY_OVERFLOW("money.overflow", Kind.RULE),
    /** Amounts in different currencies were combined. */
    MONEY_CURRENCY_MISMATCH("money.currency_mismatch", Kind.RULE),
    /** A state-machine definition is invalid (caught when it is built). */
    STATEMACHINE_INVALID_DEFINITION("statemachine.invalid_definition", Kind.INVALID);

    private final String code;
    private final Kind kind;

    CoreErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
