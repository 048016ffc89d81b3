package dev.backoffice.core.error;

/**
 * The request is well-formed but a business rule forbids it, e.g. an overdraft of a protected
 * account, a posting into a closed period, deleting a document under legal hold.
 */
public class RuleViolationException extends BackofficeException {
    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
