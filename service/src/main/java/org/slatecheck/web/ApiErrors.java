package org.slatecheck.web;

import java.util.List;
import java.util.Map;

import org.slatecheck.rules.engine.EvaluationLimitException;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.InputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors of the API as RFC 9457 problem details: input errors with every line/column error (400), and a list whose
 * evaluation a guard stopped (422, the list's congress id and the limit; no stack trace). Nothing was stored.
 */
@RestControllerAdvice(assignableTypes = CheckApiController.class)
public class ApiErrors {

    @ExceptionHandler(InputException.class)
    public ProblemDetail inputErrors(InputException e, WebRequest request) {
        String lang = request.getParameter("lang");
        Messages messages = Messages.of(Messages.language(lang) == null ? Messages.VI : Messages.language(lang));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.text("api.input_errors", e.getErrors().size()));
        problem.setTitle(messages.raw("api.input_errors_title"));
        problem.setType(java.net.URI.create("https://slatecheck.example/problems/input-errors"));
        List<Map<String, Object>> errors = e.getErrors().stream().map(x -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("file", x.file());
            m.put("line", x.line());
            m.put("column", x.column());
            m.put("message", x.reason(messages));
            m.put("text", x.format(messages));
            return m;
        }).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(EvaluationLimitException.class)
    public ProblemDetail evaluationLimit(EvaluationLimitException e, WebRequest request) {
        String lang = request.getParameter("lang");
        Messages messages = Messages.of(Messages.language(lang) == null ? Messages.VI : Messages.language(lang));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                messages.text(e.messageKey(), e.messageArgs()));
        problem.setTitle(messages.raw("evaluation.limit_title"));
        problem.setType(java.net.URI.create("https://slatecheck.example/problems/evaluation-limit"));
        problem.setProperty("congressId", e.getCongressId());
        problem.setProperty("limit", e.getLimit().name());
        return problem;
    }
}
