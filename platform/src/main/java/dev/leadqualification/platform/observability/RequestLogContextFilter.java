package dev.leadqualification.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Adds the request (method and path) and, once Spring Security has authenticated it, the acting user to the log
 * context of the thread serving it; the correlation id is put there by {@code CorrelationIdFilter}, the trace id by
 * Micrometer Tracing.
 */
class RequestLogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(LogContext.REQUEST, request.getMethod() + " " + request.getRequestURI());
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean actor = user != null && user.isAuthenticated() && LogContext.putIfPresent(LogContext.ACTOR, user.getName());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.REQUEST);
            if (actor) {
                MDC.remove(LogContext.ACTOR);
            }
        }
    }
}
