package studio.booking.api.ui;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI is one page that routes on the client: its other addresses answer the same page, so
 * a reload or a bookmark of them works (other unknown paths stay 404 problems). The page names its
 * files by {@link WebUiAssets}; it is itself revalidated on every visit (an ETag, so mostly a 304).
 */
@Controller
class WebUiPage {

    private static final String SIGN_IN = "/sign-in";
    private static final String AVAILABILITY = "/availability";

    /** The client routes of src/main/web/components/booking-app.js. */
    static final String[] CLIENT_ROUTES = {SIGN_IN, AVAILABILITY};

    /** An inline script and its text, as the browser hashes it. */
    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final String html;
    private final String etag;
    private final String contentSecurityPolicy;

    WebUiPage(WebUiAssets assets) {
        this.html = read("ui/index.html").replace("{{app}}", assets.appPath());
        this.etag = "\"" + HexFormat.of().toHexDigits(html.hashCode()) + "\"";
        this.contentSecurityPolicy = contentSecurityPolicy(html);
    }

    /** The page's Content-Security-Policy, sent with the other security headers by {@link WebUiSecurity}. */
    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /**
     * Scripts from this server only, plus the page's own inline one (the early asks) by its hash: an
     * injected script runs nowhere. Styles from the stylesheet only; images from any web address
     * (avatars: the http or https addresses the API accepts for {@code avatar_url}).
     */
    private static String contentSecurityPolicy(String page) {
        StringBuilder scripts = new StringBuilder("'self'");
        Matcher inline = INLINE_SCRIPT.matcher(page);
        while (inline.find()) {
            scripts.append(" 'sha256-").append(Base64.getEncoder().encodeToString(sha256(inline.group(1)))).append('\'');
        }
        return "default-src 'self'; script-src " + scripts + "; style-src 'self'; "
                + "img-src 'self' data: http: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping({"/", "/index.html", SIGN_IN, AVAILABILITY})
    ResponseEntity<String> page(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).eTag(etag).body(html);
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web UI's page " + path, e);
        }
    }
}
