package studio.booking.api.ui;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Where the page's files are served: under a hash of their content (the stylesheet and the bundle
 * the build writes from src/main/web and Lit). An address therefore never changes its content, so
 * browsers keep the files for good and a new build is fetched at once (and every node of a
 * scaled-out studio, running the same build, agrees on the addresses).
 */
@Component
class WebUiAssets {

    /** The classpath location of the files served under {@link #appPath()}. */
    static final String APP_FILES = "classpath:/static/app/";

    private final String appPath;

    WebUiAssets(ResourcePatternResolver resources) {
        this.appPath = "/app/" + contentHash(resources);
    }

    /** The app's files (static/app) are served under this path, e.g. {@code /app/3f2a9c1b7d0e}. */
    String appPath() {
        return appPath;
    }

    private static String contentHash(ResourcePatternResolver resources) {
        try {
            Resource[] files = resources.getResources(APP_FILES + "**/*");
            Arrays.sort(files, Comparator.comparing(WebUiAssets::relativePath));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                if (file.isReadable() && !relativePath(file).endsWith("/")) {
                    digest.update(relativePath(file).getBytes(StandardCharsets.UTF_8));
                    digest.update(file.getContentAsByteArray());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web UI's files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relativePath(Resource file) {
        try {
            String uri = file.getURI().toString();
            return uri.substring(uri.lastIndexOf("static/app/") + "static/app/".length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
