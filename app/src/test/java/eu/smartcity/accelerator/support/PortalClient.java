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
    // HTTP/1.1 as a browser speaks to a plain-http server (no h2c upgrade offer on every new connection); connections are kept
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String language;

    public PortalClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Sends this browser language (Accept-Language) with later page loads, form and multipart posts; nothing is saved with the account. */
    public PortalClient speaking(String languageTag) {
        this.language = languageTag;
        return this;
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
    }

    /** A file for {@link #postMultipart}. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {}

    /** Posts a multipart form (fields as name/value pairs, plus files) with the CSRF token of {@code formPage}. */
    public HttpResponse<String> postMultipart(String formPage, String action, java.util.List<FilePart> files, String... nameValues) {
        String csrf = csrfToken(get(formPage).body());
        String boundary = "----portal-client-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> write = text -> body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        java.util.List<String> pairs = new java.util.ArrayList<>(java.util.List.of("_csrf", csrf));
        pairs.addAll(java.util.List.of(nameValues));
        for (int i = 0; i < pairs.size(); i += 2) {
            write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pairs.get(i) + "\"\r\n\r\n"
                    + pairs.get(i + 1) + "\r\n");
        }
        for (FilePart file : files) {
            write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write.accept("\r\n");
        }
        write.accept("--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
    }

    /** Downloads as bytes (PDFs). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (language != null) {
                request.header("Accept-Language", language); // documents come in the reader's language
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
