package dev.backoffice.core.validation;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ValidationTest {

    record Line(@NotBlank String sku, @Positive int quantity) {
    }

    record PlaceOrder(@NotBlank String customer, @NotNull @Valid List<Line> lines) {
    }

    @Test
    void aValidCommandIsReturnedUnchanged() {
        PlaceOrder ok = new PlaceOrder("c-1", List.of(new Line("SKU-1", 2)));
        assertThat(Validation.validate(ok)).isSameAs(ok);
    }

    @Test
    void everyViolationIsListedWithItsFieldPathAndRejectedValue() {
        PlaceOrder bad = new PlaceOrder(" ", List.of(new Line("SKU-1", 2), new Line("", -3)));
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> Validation.validate(bad));
        assertThat(e.code()).isEqualTo("request.invalid");
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("customer", "lines[1].quantity", "lines[1].sku");
        assertThat(e.violations()).filteredOn(v -> v.field().equals("lines[1].quantity"))
                .singleElement().extracting(Violation::rejectedValue).isEqualTo("-3");
        assertThat(e.getMessage()).contains("lines[1].quantity: must be greater than 0 (was -3)");
    }

    @Test
    void aNullCommandIsAnInvalidRequest() {
        assertThatThrownBy(() -> Validation.validate(null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("command");
    }

    @Test
    void checksNameTheFieldAndTheReason() {
        assertThatThrownBy(() -> Check.positive(0, "quantity"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("invalid request: quantity: must be greater than zero (was 0)");
        assertThatThrownBy(() -> Check.text("x".repeat(11), "name", 10))
                .hasMessageContaining("name: must be at most 10 characters");
    }
}
