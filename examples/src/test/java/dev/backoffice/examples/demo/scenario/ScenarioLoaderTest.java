package dev.backoffice.examples.demo.scenario;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad scenario input stops with one message naming the file, the place in it and the reason. */
class ScenarioLoaderTest {

    private static String builtInJson() {
        try (InputStream in = ScenarioLoaderTest.class.getClassLoader().getResourceAsStream(ScenarioLoader.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScenarioException failureOf(String json) {
        return catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("my-scenario.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String replaceOnce(String json, String from, String to) {
        assertThat(json).contains(from);
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void theShippedScenarioIsValid() {
        Scenario s = ScenarioLoader.builtIn();
        assertThat(s.entities()).extracting(Scenario.Entity::tenant).containsExactly("nordwind-pl", "nordwind-uk");
        assertThat(s.entities().get(0).orders()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void invalidJsonNamesTheLineAndColumn() {
        ScenarioException e = failureOf("{\n  \"name\": \"x\",\n  \"month\": \n}");
        assertThat(e.file()).isEqualTo("my-scenario.json");
        assertThat(e.path()).startsWith("line 4");
        assertThat(e.reason()).startsWith("invalid JSON");
    }

    @Test
    void anUnknownAccountCodeInTheJournalNamesTheLine() {
        String json = replaceOnce(builtInJson(), "{ \"account\": \"6300\", \"debit\": \"8500.00\" }", "{ \"account\": \"6399\", \"debit\": \"8500.00\" }");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].journal[1].lines[0].account");
        assertThat(e.reason()).contains("unknown account code '6399'");
    }

    @Test
    void anUnbalancedJournalEntryIsRejectedWithBothTotals() {
        String json = replaceOnce(builtInJson(), "{ \"account\": \"1010\", \"credit\": \"8500.00\" }", "{ \"account\": \"1010\", \"credit\": \"8400.00\" }");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].journal[1].lines");
        assertThat(e.reason()).contains("does not balance").contains("8500.00").contains("8400.00");
    }

    @Test
    void anUnknownUkTaxCodeIsRejectedWithThePayrollModulesReason() {
        String json = replaceOnce(builtInJson(), "\"taxCode\": \"1257L\"", "\"taxCode\": \"12Q57\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[1].employees[0].taxCode");
        assertThat(e.reason()).contains("12Q57");
    }

    @Test
    void aMisspelledFieldIsAnErrorNotASilentDefault() {
        String json = replaceOnce(builtInJson(), "\"monthlySalary\": \"9500.00\"", "\"monthlySalry\": \"9500.00\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].employees[0].monthlySalry");
        assertThat(e.reason()).contains("Unrecognized field");
    }

    @Test
    void anAmountThatIsNotANumberNamesItsPath() {
        String json = replaceOnce(builtInJson(), "\"unitPrice\": \"899.99\"", "\"unitPrice\": \"cheap\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].orders[0].lines[1].unitPrice");
    }

    @Test
    void anOrderShippingAnUnknownSkuIsRejected() {
        String json = replaceOnce(builtInJson(), "\"items\": { \"FAN-40\": 4 }", "\"items\": { \"FAN-99\": 4 }");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].orders[1].events[2].items.FAN-99");
        assertThat(e.reason()).contains("not a SKU of this order");
    }

    @Test
    void aLegalHoldOnAnUnknownEmployeeIsRejected() {
        String json = replaceOnce(builtInJson(), "\"employee\": \"PL-003\"", "\"employee\": \"PL-009\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].legalHold.employee");
    }

    @Test
    void aCustomerWithAWrongNipChecksumIsRejectedBeforeAnythingIsInvoiced() {
        String json = replaceOnce(builtInJson(), "\"taxId\": \"957-100-22-21\"", "\"taxId\": \"957-100-22-22\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].customers[0].taxId");
    }

    @Test
    void anOrderedSkuThatIsNotAStockItemIsRejected() {
        String json = replaceOnce(builtInJson(), "{ \"sku\": \"BOOK-HVAC\", \"name\": \"HVAC handbook\"", "{ \"sku\": \"BOOK-XX\", \"name\": \"HVAC handbook\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[0].orders[1].lines[1].sku");
        assertThat(e.reason()).contains("not an item");
    }

    @Test
    void aVatRateTheCountryDoesNotHaveIsRejected() {
        String json = replaceOnce(builtInJson(), "\"unitPrice\": \"85.00\", \"taxRate\": \"20\"", "\"unitPrice\": \"85.00\", \"taxRate\": \"23\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.entities[1].orders[2].lines[0].taxRate");
    }

    @Test
    void aMissingStockRoleIsNamed() {
        String json = replaceOnce(builtInJson(), "\"openingStock\": \"3300\"", "\"openingStok\": \"3300\"");
        ScenarioException e = failureOf(json);
        assertThat(e.path()).isEqualTo("$.postingAccounts.openingStock");
    }
}
