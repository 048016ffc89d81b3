package dev.backoffice.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The SDK's one Jackson configuration.
 *
 * <ul>
 *   <li>{@link Money} is {@code {"amount":"12.30","currency":"PLN"}}: the amount is a JSON
 *       <em>string</em> at the currency's scale, so no JSON library on the way can turn it into
 *       a double. On input, a JSON number is accepted too and read as an exact decimal.</li>
 *   <li>{@link CurrencyUnit} is its ISO code; java.time types are ISO-8601 strings;
 *       {@code Optional} is supported; records need no annotations.</li>
 *   <li>Unknown properties fail: a typo in a scenario file is an error, not a silent default.</li>
 * </ul>
 *
 * <p>An {@link ObjectMapper} is thread-safe once configured: share {@link #mapper()}, or take a
 * {@link #newMapper()} to configure further.
 */
public final class BackofficeJson {

    private static final ObjectMapper SHARED = newMapper();

    private BackofficeJson() {
    }

    /** The shared, preconfigured mapper. Do not reconfigure it; use {@link #newMapper()}. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A fresh mapper with the SDK configuration, for callers who want to add to it. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .addModule(moneyModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** Jackson support for Joda-Money's {@link Money} and {@link CurrencyUnit}. */
    public static SimpleModule moneyModule() {
        SimpleModule module = new SimpleModule("backoffice-money");
        module.addSerializer(Money.class, new MoneySerializer());
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addSerializer(CurrencyUnit.class, new CurrencySerializer());
        module.addDeserializer(CurrencyUnit.class, new CurrencyDeserializer());
        return module;
    }

    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.getAmount().toPlainString());
            gen.writeStringField("currency", value.getCurrencyUnit().getCode());
            gen.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            JsonNode node = p.readValueAsTree();
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || currency == null || !currency.isTextual()) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, String.valueOf(node),
                        "money needs \"amount\" and \"currency\"");
            }
            BigDecimal decimal;
            try {
                decimal = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asText());
            } catch (NumberFormatException e) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, amount.asText(), "amount is not a decimal number");
            }
            CurrencyUnit unit;
            try {
                unit = CurrencyUnit.of(currency.asText());
            } catch (RuntimeException e) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, currency.asText(), "unknown currency code");
            }
            try {
                return Money.of(unit, decimal); // no rounding: too many decimals is an error
            } catch (ArithmeticException e) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, amount.asText(),
                        "more decimals than " + unit.getCode() + " allows");
            }
        }
    }

    private static final class CurrencySerializer extends JsonSerializer<CurrencyUnit> {
        @Override
        public void serialize(CurrencyUnit value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.getCode());
        }
    }

    private static final class CurrencyDeserializer extends JsonDeserializer<CurrencyUnit> {
        @Override
        public CurrencyUnit deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String code = p.getValueAsString();
            try {
                return CurrencyUnit.of(code);
            } catch (RuntimeException e) {
                return (CurrencyUnit) ctxt.handleWeirdStringValue(CurrencyUnit.class, code, "unknown currency code");
            }
        }
    }
}
