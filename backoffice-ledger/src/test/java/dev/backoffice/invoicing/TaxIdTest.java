package dev.backoffice.invoicing;

import dev.backoffice.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaxIdTest {

    @Test
    void a_polish_nip_with_a_correct_checksum_is_accepted_in_any_common_spelling() {
        assertThat(TaxId.nip("526-025-02-74")).isEqualTo(new TaxId("PL", "5260250274"));
        assertThat(TaxId.nip("PL 5260250274")).isEqualTo(TaxId.nip("pl5260250274"));
        assertThat(TaxId.euVat("PL5260250274").vatNumber()).isEqualTo("PL5260250274");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5260250275", "526025027", "52602502744", "abcdefghij", "1234567890"})
    void a_nip_with_a_wrong_checksum_or_length_is_refused_naming_the_field(String nip) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> TaxId.of("PL", nip, "buyer.taxId"));
        assertThat(e.code()).isEqualTo("invoicing.invalid_tax_id");
        assertThat(e.violations().get(0).field()).isEqualTo("buyer.taxId");
    }

    @Test
    void a_nip_whose_checksum_would_be_ten_is_never_valid() {
        // 0 2 0 0 0 0 0 0 0 weighted 6 5 7 2 3 4 5 6 7 sum to 10: no tenth digit can match
        assertThat(TaxId.nipChecksumOk("0200000000")).isFalse();
        assertThat(TaxId.nipChecksumOk("0200000001")).isFalse();
    }

    @Test
    void uk_vat_numbers_pass_the_mod_97_or_the_9755_check() {
        assertThat(TaxId.ukVat("GB 999 9999 73").number()).isEqualTo("999999973"); // HMRC's example, mod 97
        assertThat(TaxId.ukVat("123456782").number()).isEqualTo("123456782");      // mod 97
        assertThat(TaxId.ukVat("123456727").number()).isEqualTo("123456727");      // 9755
        assertThat(TaxId.ukVat("123456782001").number()).isEqualTo("123456782001"); // a branch
        assertThat(TaxId.ukVat("GD001").number()).isEqualTo("GD001");
        assertThat(TaxId.ukVat("HA599").number()).isEqualTo("HA599");
        assertThat(TaxId.ukCheckDigitsOk("123456789")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678", "GD500", "HA499", "1234567820"})
    void a_uk_vat_number_failing_its_check_is_refused(String number) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> TaxId.ukVat(number));
        assertThat(e.code()).isEqualTo("invoicing.invalid_tax_id");
        assertThat(e.violations().get(0).field()).isEqualTo("taxId");
    }

    @Test
    void eu_vat_numbers_are_checked_against_their_states_format() {
        assertThat(TaxId.euVat("DE123456789").country()).isEqualTo("DE");
        assertThat(TaxId.euVat("ATU12345678").number()).isEqualTo("U12345678");
        assertThat(TaxId.euVat("FR12345678901").number()).isEqualTo("12345678901");
        assertThat(TaxId.euVat("NL123456789B01").number()).isEqualTo("123456789B01");
        assertThat(TaxId.euVat("EL123456789").country()).isEqualTo("EL");
        assertThat(TaxId.of("GR", "123456789").vatNumber()).isEqualTo("EL123456789");
        for (String bad : new String[] {"DE12345678", "ATX12345678", "NL123456789C01", "SE123456789012", "123456789"}) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> TaxId.euVat(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.code()).isEqualTo("invoicing.invalid_tax_id");
        }
    }

    @Test
    void a_party_checks_its_tax_id_against_its_own_country() {
        assertThat(Party.of("Initech", "DE", "123456789", "Berlin").taxId()).contains(TaxId.euVat("DE123456789"));
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> Party.of("Acme", "PL", "1234567890", "Warszawa"));
        assertThat(e.code()).isEqualTo("invoicing.invalid_tax_id");
        InvalidRequestException country = catchThrowableOfType(InvalidRequestException.class,
                () -> Party.withoutTaxId("Jane", "uk ", "Leeds"));
        assertThat(country.code()).isEqualTo("invoicing.invalid_country");
    }
}
