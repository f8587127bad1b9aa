package dev.leadqualification.command.idempotency;

import dev.leadqualification.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Idempotency keys on every command, after authentication (keys are per user); expired keys are swept hourly. */
@Configuration
@EnableScheduling
public class IdempotencyConfiguration {

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
