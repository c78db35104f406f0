package eu.smartcity.accelerator.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client against the running app: keeps cookies, never follows redirects. */
public class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public PortalClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(headerName, headerValue).GET().build());
    }

    /** Posts a form without any CSRF token (to prove it is refused). */
    public HttpResponse<String> postWithoutCsrf(String action, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> getWithBasicAuth(String path, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + token).GET().build());
    }

    /** Posts a form with the CSRF token taken from the page at {@code formPage}. */
    public HttpResponse<String> postForm(String formPage, String action, String... nameValues) {
        String csrf = csrfToken(get(formPage).body());
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        for (int i = 0; i < nameValues.length; i += 2) {
            body.append('&').append(encode(nameValues[i])).append('=').append(encode(nameValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Logs in through the portal's login form; returns the response (302 to the target or to /login?error). */
    public HttpResponse<String> login(String user, String password) {
        return postForm("/login", "/login", "username", user, "password", password);
    }

    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token in page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
