package dev.backoffice.docs;

import dev.backoffice.core.error.InvalidRequestException;

/**
 * The rules for human-given names (titles, file names, metadata): no control characters,
 * and for file names no path separators and no {@code .}/{@code ..}, so no name can walk out
 * of a directory or forge a line in a log.
 */
public final class Names {
    private Names() {
    }

    /** Whether {@code s} contains an ISO control character (including CR, LF, TAB, NUL) or a Unicode line/paragraph separator. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Checks a display text such as a title: not blank, at most {@code max} characters, no control characters. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DocsErrorCode.INVALID_NAME.invalid(field, "must not be blank", value);
        }
        if (value.length() > max) {
            throw DocsErrorCode.INVALID_NAME.invalid(field, "must be at most " + max + " characters", value.length() + " characters");
        }
        if (hasControl(value)) {
            throw DocsErrorCode.INVALID_NAME.invalid(field, "must not contain control characters", value);
        }
        return value;
    }

    /** Checks a file name: a text of at most 255 characters without '/', '\\', NUL, or the names '.' and '..'. */
    public static String fileName(String value, String field) {
        text(value, field, 255);
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.equals(".") || value.equals("..")) {
            throw DocsErrorCode.INVALID_NAME.invalid(field, "must not contain path separators or be '.' or '..'", value);
        }
        return value;
    }
}
