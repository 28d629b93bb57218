package org.slatecheck.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart upload the container stopped at {@code spring.servlet.multipart.max-request-size} (one sent without
 * a Content-Length): the same 413 problem detail as {@link RequestSizeFilter}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitErrors {
    private final SlateCheckProperties props;

    public UploadLimitErrors(SlateCheckProperties props) {
        this.props = props;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestSizeFilter.refuse(request, response, props.limits().maxUploadSize().toBytes());
    }
}
