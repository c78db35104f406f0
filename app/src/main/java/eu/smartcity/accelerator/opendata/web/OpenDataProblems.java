package eu.smartcity.accelerator.opendata.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of the open-data API in one documented shape: RFC 9457 problem details (application/problem+json). */
@RestControllerAdvice(assignableTypes = OcdsController.class)
class OpenDataProblems extends ResponseEntityExceptionHandler {}
