package eu.smartcity.accelerator.publicapi;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a JSON endpoint in one documented shape: RFC 9457 problem details
 * ({@code application/problem+json}: type, title, status, detail, instance). Portal pages keep their
 * HTML error pages: this advice only applies to {@code @RestController}s.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {}
