package org.slatecheck.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slatecheck.governance.ApiTokens;
import org.slatecheck.governance.UserAccounts;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tokens} {@code {"username": …}} (ADMIN): issues a bearer token for a user the administrator may
 * manage; the answer is the only place the token appears (the database keeps its SHA-256). A user outside the
 * administrator's scope (or none) is a 404, a user with roles it may not grant a 403, both in words (vi/en).
 */
@RestController
public class TokenApiController {
    private final ApiTokens tokens;

    public TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> issue(@RequestBody(required = false) Map<String, String> body,
            @RequestParam(required = false) String username, @RequestParam(required = false) String lang) {
        String user = username != null ? username : body == null ? null : body.get("username");
        try {
            String token = tokens.issue(PageController.user(), user);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("username", user);
            out.put("token", token);
            return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(out);
        } catch (IllegalArgumentException e) {
            Messages m = Messages.of(Messages.language(lang) == null ? Messages.VI : Messages.language(lang));
            HttpStatus status = e instanceof UserAccounts.Refused r ? HttpStatus.valueOf(r.status())
                    : HttpStatus.BAD_REQUEST;
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, m.raw(e.getMessage()));
            p.setTitle(m.raw(status == HttpStatus.NOT_FOUND ? "user.unknown_title"
                    : status == HttpStatus.FORBIDDEN ? "user.refused_title" : "user.bad_request_title"));
            p.setProperty("code", e.getMessage());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }
}
