package studio.booking.api.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The page's files under the addresses of {@link WebUiAssets}: an address never changes its
 * content, so they are cached for a year and never revalidated.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration implements WebMvcConfigurer {

    private static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final WebUiAssets assets;

    WebUiConfiguration(WebUiAssets assets) {
        this.assets = assets;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.appPath() + "/**")
                .addResourceLocations(WebUiAssets.APP_FILES).setCacheControl(FOR_GOOD);
    }
}
