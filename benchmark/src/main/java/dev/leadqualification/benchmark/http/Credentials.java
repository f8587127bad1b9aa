package dev.leadqualification.benchmark.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An API user's HTTP Basic credentials. */
public record Credentials(String username, String password) {

    String authorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return username;
    }
}
