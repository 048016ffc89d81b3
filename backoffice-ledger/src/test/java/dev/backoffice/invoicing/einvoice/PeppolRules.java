package dev.backoffice.invoicing.einvoice;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The official rules over a UBL document, through phive: the Peppol BIS Billing 3.0 rule set of
 * May 2026 (UBL 2.1 XSD + CEN EN 16931 UBL Schematron + Peppol Schematron; phive's
 * {@code eu.peppol.bis3:invoice:2026.5}) and, separately, the EN 16931 UBL rule set 1.3.16 of
 * phive-rules-en16931. Test support only.
 */
final class PeppolRules {

    /** What the rules said: errors (fatal) and warnings, each "[level] id text @ location". */
    record Result(List<String> errors, List<String> warnings) {
    }

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = new ValidationExecutorSetRegistry<>();

    static {
        PeppolValidation.initStandard(REGISTRY);
        EN16931Validation.initEN16931(REGISTRY);
    }

    private PeppolRules() {
    }

    /** The Peppol BIS 3.0 verdict (its set includes the CEN EN 16931 UBL Schematron). */
    static Result peppol(String xml) {
        boolean credit = xml.contains("<CreditNote");
        return run(credit ? PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3 : PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3,
                xml);
    }

    /** The EN 16931 UBL verdict (phive-rules-en16931's newest UBL set). */
    static Result en16931(String xml) {
        boolean credit = xml.contains("<CreditNote");
        return run(credit ? EN16931Validation.VID_UBL_CREDIT_NOTE_1316 : EN16931Validation.VID_UBL_INVOICE_1316, xml);
    }

    private static Result run(DVRCoordinate id, String xml) {
        IValidationExecutorSet<IValidationSourceXML> ves = REGISTRY.getOfID(id);
        if (ves == null) {
            throw new IllegalStateException("no rule set " + id);
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(), ves,
                ValidationSourceXML.create("document", doc));
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ValidationResult r : results) {
            if (r.getValidity().isSkipped()) {
                warnings.add("skipped: " + r.getValidationArtefact().getRuleResourcePath());
                continue;
            }
            r.getErrorList().forEach(e -> {
                String line = e.getErrorID() + " " + e.getErrorText(Locale.ROOT) + " @ " + e.getErrorFieldName();
                if (e.isError()) {
                    errors.add(line);
                } else {
                    warnings.add(line);
                }
            });
        }
        if (!results.containsNoError() && errors.isEmpty()) {
            errors.add("phive reported an error without detail");
        }
        return new Result(errors, warnings);
    }
}
