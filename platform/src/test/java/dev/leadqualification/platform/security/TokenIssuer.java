package dev.leadqualification.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider for tests: a fresh RSA key pair that signs JWTs (RS256), and its public key as the PEM
 * file that {@code spring.security.oauth2.resourceserver.jwt.public-key-location} names.
 */
public final class TokenIssuer {

    private final KeyPair keys;

    private TokenIssuer(KeyPair keys) {
        this.keys = keys;
    }

    public static TokenIssuer withNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    /** Writes the public key as a PEM file into {@code directory}; returns the file. */
    public Path writePublicKey(Path directory) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(directory.resolve("token-issuer-" + UUID.randomUUID() + ".pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A token as an identity provider issues it: for {@code subject}, with a {@code roles} claim, named by
     * {@code preferred_username} if not null, issued an hour before {@code expiresAt}.
     */
    public String token(String subject, String preferredUsername, List<String> roles, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt));
        if (preferredUsername != null) {
            claims.claim("preferred_username", preferredUsername);
        }
        return sign(claims.build());
    }

    /** A token with exactly these claims. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }
}
