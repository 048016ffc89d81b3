package dev.backoffice.docs;

import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.retention.DispositionAction;
import dev.backoffice.docs.retention.RetentionPolicy;
import dev.backoffice.docs.retention.RetentionTrigger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;

/** Shared test data: classes, policies and content. */
public final class DocsFixtures {
    private DocsFixtures() {
    }

    public static final DocumentClass INVOICE = DocumentClass.of("invoice");
    public static final DocumentClass EMPLOYEE_FILE = DocumentClass.of("employee-file");
    public static final DocumentClass MEMO = DocumentClass.of("memo");
    public static final DocumentClass LEDGER_EXPORT = DocumentClass.of("ledger-export");
    public static final DocumentClass DRAFT = DocumentClass.of("draft");
    public static final String CLERK = "clerk@acme";
    public static final String OFFICER = "records-officer@acme";
    public static final String ADMIN = "admin@acme";

    /** 2026-01-15 09:00 UTC. */
    public static AdjustableClock clock() {
        return AdjustableClock.startingAt(Instant.parse("2026-01-15T09:00:00Z"));
    }

    /** Invoices: 5 years, compliance, from creation. */
    public static RetentionPolicy invoicePolicy() {
        return RetentionPolicy.builder(INVOICE).name("Invoices").years(5).compliance()
                .source("test: compliance 5y").build();
    }

    /** Employee files: 10 years from the end of the year employment ended, compliance. */
    public static RetentionPolicy employeeFilePolicy() {
        return RetentionPolicy.builder(EMPLOYEE_FILE).name("Employee file").years(10)
                .trigger(RetentionTrigger.endOfCalendarYearOfEvent("employment-ended")).compliance()
                .source("test: Kodeks pracy art. 94^4").build();
    }

    /** Memos: 1 year, governance, delete. */
    public static RetentionPolicy memoPolicy() {
        return RetentionPolicy.builder(MEMO).name("Memos").period(Period.ofYears(1)).governance().source("test: internal").build();
    }

    /** Ledger exports: 1 year, then archive. */
    public static RetentionPolicy ledgerExportPolicy() {
        return RetentionPolicy.builder(LEDGER_EXPORT).name("Ledger exports").years(1).action(DispositionAction.ARCHIVE)
                .source("test: archive").build();
    }

    /** Drafts: 30 days, then review. */
    public static RetentionPolicy draftPolicy() {
        return RetentionPolicy.builder(DRAFT).name("Drafts").period(Period.ofDays(30)).action(DispositionAction.REVIEW)
                .source("test: review").build();
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static NewDocument.Builder doc(DocumentClass c, String title) {
        return NewDocument.builder(c, title).mediaType("text/plain").actor(CLERK);
    }

    public static Optional<String> none() {
        return Optional.empty();
    }
}
