package dev.backoffice.examples.springboot;

import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The sample tenant's chart of accounts and invoice retention policy, made once at start-up. */
@Component
public class SdkSetup implements ApplicationRunner {

    private final Ledger ledger;
    private final Archive archive;

    SdkSetup(Ledger ledger, Archive archive) {
        this.ledger = ledger;
        this.archive = archive;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantLedger acme = ledger.forTenant(PurchaseService.TENANT);
        try {
            acme.account("1100");
        } catch (NotFoundException e) {
            acme.openAll(ChartTemplates.smallBusiness(PurchaseService.PLN));
        }
        archive.forTenant(PurchaseService.TENANT).setPolicy(PolicyCatalogue.standard().policy("pl.tax-invoice"), "app:setup");
    }
}
