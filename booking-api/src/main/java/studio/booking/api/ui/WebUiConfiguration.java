package studio.booking.api.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web UI is one page (static/index.html) that routes on the client: its other addresses load
 * the same page, so a reload or a bookmark of them works. Other unknown paths stay 404 problems.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration implements WebMvcConfigurer {

    /** The client routes of static/app/components/booking-app.js. */
    static final String[] CLIENT_ROUTES = {"/sign-in", "/availability"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String route : CLIENT_ROUTES) {
            registry.addViewController(route).setViewName("forward:/index.html");
        }
    }
}
