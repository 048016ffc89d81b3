package dev.backoffice.docs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.error.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * A typed reference to what a document belongs to: {@code employee:E-1042},
 * {@code invoice:FV/2026/03/17}, {@code order:0190...}. Erasure requests and business events
 * (employment ended, contract expired) are recorded against an owner.
 *
 * @param type the kind of owner: lowercase letters, digits, {@code _ -}, 1 to 32 characters
 * @param id   the owner's id in its own system: 1 to 200 printable characters, no control characters
 */
public record OwnerRef(String type, String id) implements Comparable<OwnerRef> {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public OwnerRef {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw DocsErrorCode.INVALID_NAME.invalid("owner.type",
                    "must be 1-32 characters of lowercase letters, digits, '_' or '-', starting with a letter", type);
        }
        if (id == null || id.isBlank() || id.length() > 200 || Names.hasControl(id)) {
            throw DocsErrorCode.INVALID_NAME.invalid("owner.id",
                    "must be 1-200 characters without control characters", id);
        }
    }

    /** The owner {@code type:id}. */
    public static OwnerRef of(String type, String id) {
        return new OwnerRef(type, id);
    }

    /** Parses {@code type:id} (the id may itself contain colons). */
    @JsonCreator
    public static OwnerRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw DocsErrorCode.INVALID_NAME.invalid("owner", "must look like type:id", text);
        }
        return new OwnerRef(text.substring(0, colon), text.substring(colon + 1));
    }

    /** An employee. */
    public static OwnerRef employee(String id) {
        return new OwnerRef("employee", id);
    }

    /** An order. */
    public static OwnerRef order(String id) {
        return new OwnerRef("order", id);
    }

    /** An invoice. */
    public static OwnerRef invoice(String id) {
        return new OwnerRef("invoice", id);
    }

    /** A customer or other data subject. */
    public static OwnerRef person(String id) {
        return new OwnerRef("person", id);
    }

    @JsonValue
    @Override
    public String toString() {
        return type + ":" + id;
    }

    @Override
    public int compareTo(OwnerRef o) {
        return toString().compareTo(o.toString());
    }
}
