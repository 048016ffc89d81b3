package dev.backoffice.core.error;

/** The thing asked for does not exist (in this tenant). */
public class NotFoundException extends BackofficeException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
