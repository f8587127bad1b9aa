package dev.leadqualification.command.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The request as the controller reads it, hashed (SHA-256) on the way: method, path and query, then every byte of
 * the body as it passes. Nothing of the body is kept, however large it is. {@link #wholeRequestHash()} reads what
 * the controller left unread and gives the hash of the whole request; what makes two requests the same request.
 */
final class RequestDigest extends HttpServletRequestWrapper {

    private final String requestLine;
    private final MessageDigest digest;
    private DigestingStream stream;
    private BufferedReader reader;

    RequestDigest(HttpServletRequest request) {
        super(request);
        this.requestLine = request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
        this.digest = sha256();
        digest.update(requestLine.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of method, path and query: known before the body is read. */
    String requestLineHash() {
        return HexFormat.of().formatHex(sha256().digest(requestLine.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the body to its end (discarding it) and answers the hash of the whole request. Throws what reading
     * throws: an {@code ApiProblem} for a body over the limit, an {@link IOException} when the client is gone.
     */
    String wholeRequestHash() throws IOException {
        getInputStream().transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new DigestingStream(super.getInputStream(), digest);
        }
        return stream;
    }

    /** A reader over the digesting stream, so a body read as characters is hashed too. */
    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static final class DigestingStream extends ServletInputStream {
        private final ServletInputStream body;
        private final MessageDigest digest;

        DigestingStream(ServletInputStream body, MessageDigest digest) {
            this.body = body;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
