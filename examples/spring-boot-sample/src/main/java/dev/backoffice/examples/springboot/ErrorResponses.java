package dev.backoffice.examples.springboot;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RetryHostTransactionException;
import dev.backoffice.core.error.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** The SDK's typed errors as HTTP answers: the stable code in the body, the family in the status. */
@RestControllerAdvice
public class ErrorResponses {

    @ExceptionHandler(BackofficeException.class)
    ResponseEntity<Map<String, String>> sdkError(BackofficeException e) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        if (e instanceof ConflictException) {
            status = HttpStatus.CONFLICT;
        } else if (e instanceof NotFoundException) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof InvalidRequestException) {
            status = HttpStatus.BAD_REQUEST;
        } else if (e instanceof RuleViolationException) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
        } else if (e instanceof RetryHostTransactionException) {
            status = HttpStatus.SERVICE_UNAVAILABLE; // the client may retry the request
        }
        return ResponseEntity.status(status).body(Map.of("code", e.code(), "message", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(PurchaseService.PurchaseAbandoned.class)
    ResponseEntity<Map<String, String>> abandoned(PurchaseService.PurchaseAbandoned e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("code", "app.abandoned", "message", e.getMessage()));
    }
}
