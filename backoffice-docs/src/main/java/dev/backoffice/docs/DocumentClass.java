package dev.backoffice.docs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.error.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * The kind of a document, such as {@code invoice}, {@code payslip} or
 * {@code employee-file}: the key its retention policy is defined for.
 *
 * @param code 1 to 64 characters: lowercase letters, digits, {@code . _ -}, starting with a letter
 */
public record DocumentClass(String code) implements Comparable<DocumentClass> {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public DocumentClass {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw DocsErrorCode.INVALID_NAME.invalid("documentClass",
                    "must be 1-64 characters of lowercase letters, digits, '.', '_' or '-', starting with a letter", code);
        }
    }

    /** The class with this code. */
    @JsonCreator
    public static DocumentClass of(String code) {
        return new DocumentClass(code);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public int compareTo(DocumentClass o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
