package org.slatecheck.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.text.Messages;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above its limit with 413 and a problem detail in Vietnamese or English ({@code ?lang=en})
 * before the body is read: by its {@code Content-Length} when it has one, and otherwise (chunked) by reading at
 * most the limit plus one byte. Multipart uploads have {@code slatecheck.limits.max-upload-size}, every other body
 * {@code slatecheck.limits.max-request-size} (issue 11).
 */
public class RequestSizeFilter extends OncePerRequestFilter implements Ordered {
    private static final Pattern LANG = Pattern.compile("(?:^|&)lang=([a-zA-Z]{2})(?:&|$)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxRequest;
    private final long maxUpload;

    public RequestSizeFilter(long maxRequest, long maxUpload) {
        this.maxRequest = maxRequest;
        this.maxUpload = maxUpload;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = multipart ? maxUpload : maxRequest;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, limit);
            return;
        }
        // A chunked multipart upload is parsed by the container, which stops at the same limit
        // (spring.servlet.multipart.max-request-size; see UploadLimitErrors); other chunked bodies are read here.
        if (length < 0 && !multipart && chunked(request)) {
            byte[] body = readAtMost(request.getInputStream(), limit + 1);
            if (body.length > limit) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean chunked(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        Locale locale = Messages.VI;
        String query = request.getQueryString();
        if (query != null) {
            Matcher m = LANG.matcher(query);
            if (m.find() && Messages.language(m.group(1)) != null) {
                locale = Messages.language(m.group(1));
            }
        }
        Messages messages = Messages.of(locale);
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "https://slatecheck.example/problems/too-large");
        problem.put("title", messages.raw("api.too_large_title"));
        problem.put("status", 413);
        problem.put("detail", messages.text("api.too_large", limit));
        problem.put("instance", request.getRequestURI());
        problem.put("limit", limit);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    /** The request with its body already read into memory (within the limit). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }
    }
}
