package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipRenderer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Orders and payroll → archive: what to store for an invoice, a payslip and an employment
 * contract, under which document class and owner, so the archive's retention policies and
 * legal holds apply to them.
 *
 * <p>Document ids are derived from the tenant and the business reference and the rendered
 * content is deterministic, so archiving the same thing twice stores it once.
 */
public final class Archiving {

    /** Invoices: tax documents (PL: 5 years after the tax year; UK: accounting records). */
    public static final DocumentClass INVOICE = DocumentClass.of("invoice");
    /** Payslips and payroll records. */
    public static final DocumentClass PAYROLL_RECORD = DocumentClass.of("payroll-record");
    /** The employee's file: contract of employment and the like. */
    public static final DocumentClass EMPLOYEE_FILE = DocumentClass.of("employee-file");

    /** A document to ingest and its content. */
    public record Item(NewDocument document, byte[] content) {
    }

    private Archiving() {
    }

    /** The invoice issued when {@code order} was placed, as plain text. */
    public static Item invoice(String tenant, String orderRef, Order order, LocalDate issued, String actor) {
        Check.notNull(order, "order");
        StringBuilder text = new StringBuilder();
        text.append("INVOICE ").append(orderRef).append("\nissued ").append(issued).append(" to customer ")
                .append(order.customerRef()).append("\n\n");
        for (OrderLine line : order.lines()) {
            text.append(String.format("%-12s %5d x %12s  net %12s  VAT %5s%% %10s  gross %12s%n", line.sku(), line.quantity(),
                    line.unitPrice().getAmount().toPlainString(), line.net().getAmount().toPlainString(),
                    line.taxRate().stripTrailingZeros().toPlainString(), line.tax().getAmount().toPlainString(),
                    line.gross().getAmount().toPlainString()));
        }
        text.append(String.format("%nnet %s   VAT %s   total %s%n", order.netTotal(), order.taxTotal(), order.total()));
        NewDocument doc = NewDocument.builder(INVOICE, "Invoice " + orderRef)
                .id(id(tenant, "invoice", orderRef))
                .mediaType("text/plain")
                .fileName("invoice-" + orderRef + ".txt")
                .owner(OwnerRef.order(orderRef))
                .owner(OwnerRef.of("customer", order.customerRef()))
                .metadata("order", orderRef)
                .metadata("issued", issued.toString())
                .actor(actor)
                .build();
        return new Item(doc, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The e-invoice of the order {@code orderRef} (KSeF FA(3) or Peppol UBL XML, as sent), under the
     * same document id as {@link #invoice}: the invoice the archive keeps is the one the customer got.
     */
    public static Item eInvoice(String tenant, String orderRef, String number, String customerRef, LocalDate issued, String format,
                                String xml, String actor) {
        Check.notNull(xml, "xml");
        NewDocument doc = NewDocument.builder(INVOICE, "Invoice " + number + " (order " + orderRef + ")")
                .id(id(tenant, "invoice", orderRef))
                .mediaType("application/xml")
                .fileName("invoice-" + number.replaceAll("[^A-Za-z0-9_-]", "_") + ".xml")
                .owner(OwnerRef.order(orderRef))
                .owner(OwnerRef.of("customer", customerRef))
                .metadata("order", orderRef)
                .metadata("number", number)
                .metadata("format", format)
                .metadata("issued", issued.toString())
                .actor(actor)
                .build();
        return new Item(doc, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A payslip, as the HTML the payroll module renders, owned by the employee. */
    public static Item payslip(String tenant, String employeeRef, Payslip payslip, String actor) {
        Check.notNull(payslip, "payslip");
        String ref = employeeRef + "/" + payslip.period() + "/" + payslip.runId().value();
        NewDocument doc = NewDocument.builder(PAYROLL_RECORD, "Payslip " + payslip.period() + " " + payslip.employeeName())
                .id(id(tenant, "payslip", ref))
                .mediaType("text/html")
                .fileName("payslip-" + employeeRef + "-" + payslip.period() + ".html")
                .owner(OwnerRef.employee(employeeRef))
                .metadata("period", payslip.period().toString())
                .actor(actor)
                .build();
        return new Item(doc, PayslipRenderer.html(payslip).getBytes(StandardCharsets.UTF_8));
    }

    /** The employment contract, the first document of the employee's file. */
    public static Item employmentContract(String tenant, String employeeRef, String name, LocalDate start, String terms, String actor) {
        String text = "CONTRACT OF EMPLOYMENT\n" + name + " (" + employeeRef + ")\nfrom " + start + "\n" + terms + "\n";
        NewDocument doc = NewDocument.builder(EMPLOYEE_FILE, "Employment contract " + name)
                .id(id(tenant, "contract", employeeRef))
                .mediaType("text/plain")
                .fileName("contract-" + employeeRef + ".txt")
                .owner(OwnerRef.employee(employeeRef))
                .metadata("start", start.toString())
                .actor(actor)
                .build();
        return new Item(doc, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The archive id of a business document. */
    public static DocumentId id(String tenant, String kind, String ref) {
        return DocumentId.of(UUID.nameUUIDFromBytes(("doc:" + tenant + ":" + kind + ":" + ref).getBytes(StandardCharsets.UTF_8)));
    }
}
