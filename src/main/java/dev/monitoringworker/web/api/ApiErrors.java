package dev.monitoringworker.web.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every refusal as JSON: {@code {"status":400,"field":"criticalThreshold","error":"..."}}. */
@RestControllerAdvice(basePackages = "dev.monitoringworker.web.api")
class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return body(e.status(), e.field(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        int cut = detail == null ? -1 : detail.indexOf("\n");
        return body(HttpStatus.BAD_REQUEST, null, "the body is not the JSON expected: " + (cut > 0 ? detail.substring(0, cut) : detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String field, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", status.value());
        if (field != null) {
            b.put("field", field);
        }
        b.put("error", message);
        return ResponseEntity.status(status).body(b);
    }
}
