package dev.backoffice.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackofficeJsonTest {

    private final ObjectMapper mapper = BackofficeJson.mapper();

    record Invoice(String number, Money total, CurrencyUnit currency, LocalDate issued, Instant booked,
                   Optional<String> note, List<Money> lines) {
    }

    @Test
    void moneyIsWrittenWithTheAmountAsAStringAtTheCurrencyScale() throws Exception {
        assertThat(mapper.writeValueAsString(Money.parse("PLN 12.30"))).isEqualTo("{\"amount\":\"12.30\",\"currency\":\"PLN\"}");
        assertThat(mapper.writeValueAsString(Money.parse("JPY 1200"))).isEqualTo("{\"amount\":\"1200\",\"currency\":\"JPY\"}");
    }

    @Test
    void recordsWithMoneyAndTimeRoundTrip() throws Exception {
        Invoice invoice = new Invoice("FV/1/2026", Money.parse("PLN 1230.00"), CurrencyUnit.of("PLN"),
                LocalDate.of(2026, 5, 31), Instant.parse("2026-05-31T10:15:30.123456Z"), Optional.of("thanks"),
                List.of(Money.parse("PLN 1000.00"), Money.parse("PLN 230.00")));
        String json = mapper.writeValueAsString(invoice);
        assertThat(json).contains("\"issued\":\"2026-05-31\"").contains("\"booked\":\"2026-05-31T10:15:30.123456Z\"");
        assertThat(mapper.readValue(json, Invoice.class)).isEqualTo(invoice);
    }

    @Test
    void aNumericAmountIsReadExactlyNotAsADouble() throws Exception {
        Money m = mapper.readValue("{\"amount\":0.10,\"currency\":\"EUR\"}", Money.class);
        assertThat(m).isEqualTo(Money.parse("EUR 0.10"));
    }

    @Test
    void tooManyDecimalsUnknownCurrencyAndUnknownFieldsAreRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"1.001\",\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("more decimals");
        assertThatThrownBy(() -> mapper.readValue("\"QQQ\"", CurrencyUnit.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("unknown currency");
        assertThatThrownBy(() -> mapper.readValue("{\"number\":\"x\",\"totl\":1}", Invoice.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("totl");
    }
}
