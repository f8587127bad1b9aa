package dev.leadqualification.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final VerifiedPasswords passwords = new VerifiedPasswords(new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }
    });
    private final String hash = real.encode("right-secret");

    @Test
    void aVerifiedPasswordIsCheckedOnlyOnce() {
        assertThat(passwords.matches("right-secret", hash)).isTrue();
        assertThat(passwords.matches("right-secret", hash)).isTrue();
        assertThat(passwords.matches("right-secret", hash)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverAccepted() {
        passwords.matches("right-secret", hash);

        assertThat(passwords.matches("wrong-secret", hash)).isFalse();
        assertThat(passwords.matches("wrong-secret", hash)).isFalse();

        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedPasswordCountsOnlyForTheHashItWasCheckedAgainst() {
        String otherUsersHash = real.encode("other-secret");
        passwords.matches("right-secret", hash);

        assertThat(passwords.matches("right-secret", otherUsersHash)).isFalse();
        assertThat(passwords.matches("other-secret", otherUsersHash)).isTrue();
    }

    @Test
    void configuredNoopPasswordsAreNeverReEncodedToBcrypt() {
        UsersProperties.User sam = new UsersProperties.User();
        sam.setUsername("sam");
        sam.setPassword("{noop}sam-secret");
        sam.setRoles(List.of("SALES"));
        UsersProperties properties = new UsersProperties();
        properties.setUsers(List.of(sam));

        // a UserDetailsPasswordService would make Spring Security upgrade {noop} to bcrypt at the first login
        assertThat(new SecurityConfiguration().configuredUsers(properties))
                .isNotInstanceOf(UserDetailsPasswordService.class);
    }
}
