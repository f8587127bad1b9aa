package dev.leadqualification.platform.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may scrape {@code /actuator/prometheus}: ADMIN, with the credentials of every other request; anyone when
 * {@code management.server.port} puts the management endpoints on a port of their own (one that only the monitoring
 * network reaches; the API's port then has no {@code /actuator/prometheus} at all).
 */
public final class PrometheusEndpointAccess {

    private PrometheusEndpointAccess() {
    }

    public static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                     requests, Environment environment) {
        var prometheus = requests.requestMatchers(EndpointRequest.to("prometheus"));
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            prometheus.permitAll();
        } else {
            prometheus.hasRole(Role.ADMIN.name());
        }
    }
}
