package dev.leadqualification.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A password encoder that remembers which (stored hash, password) pairs it has already verified. HTTP Basic
 * sends the password with every request, and a bcrypt check costs tens of milliseconds of CPU by design — paid
 * on every call it would cap the API at a few dozen requests per second per core.
 * <p>
 * Only successes are remembered, so a guessed password still costs a full check every time. The password is
 * never kept: only an HMAC of it under a key drawn at start, which lives in this process only. At most
 * {@value #REMEMBERED} pairs are kept (Caffeine drops those used least, recently and often).
 */
public class VerifiedPasswords implements PasswordEncoder {

    static final int REMEMBERED = 10_000;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public VerifiedPasswords(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String pair = encodedPassword + ' ' + fingerprint(rawPassword);
        if (verified.getIfPresent(pair) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(pair, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
