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
import java.util.HexFormat;
import java.util.Map;

/**
 * The web UI is one page that routes on the client: its other addresses answer the same page, so
 * a reload or a bookmark of them works (other unknown paths stay 404 problems). The page names its
 * files by {@link WebUiAssets}; it is itself revalidated on every visit (an ETag, so mostly a 304).
 */
@Controller
class WebUiPage {

    private static final String SIGN_IN = "/sign-in";
    private static final String AVAILABILITY = "/availability";

    /** The client routes of static/app/components/booking-app.js. */
    static final String[] CLIENT_ROUTES = {SIGN_IN, AVAILABILITY};

    private final String html;
    private final String etag;

    WebUiPage(WebUiAssets assets) {
        String page = read("ui/index.html").replace("{{app}}", assets.appPath());
        for (Map.Entry<String, String> webJar : assets.webJarPaths().entrySet()) {
            page = page.replace("{{" + webJar.getKey() + "}}", webJar.getValue());
        }
        this.html = page;
        this.etag = "\"" + HexFormat.of().toHexDigits(page.hashCode()) + "\"";
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
