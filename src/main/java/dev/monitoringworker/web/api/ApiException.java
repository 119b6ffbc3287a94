package dev.monitoringworker.web.api;

import org.springframework.http.HttpStatus;

/** A refusal the API answers with its status and a message naming the field or row it is about. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, null, what + " does not exist");
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
