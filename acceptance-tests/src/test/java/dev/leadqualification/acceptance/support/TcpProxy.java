package dev.leadqualification.acceptance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of PostgreSQL, to take the database away from running services and give it back: the
 * services connect to {@link #jdbcUrl()}, the proxy forwards every connection to the real server. {@link #cut()}
 * is an outage as a client sees it: every open connection is reset and every new one is reset at once;
 * {@link #restore()} forwards new connections again (the ones cut stay gone, as after a real outage).
 * {@link #inFrontOf(String, int)} puts one in front of any TCP server (e.g. RabbitMQ), reached at {@link #port()}.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?(/.*)");
    private static final int POSTGRES_PORT = 5432;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String targetHost;
    private final int targetPort;
    private final String pathAndParameters;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    private TcpProxy(String targetHost, int targetPort, String pathAndParameters) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.pathAndParameters = pathAndParameters;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("The proxy found no free port", e);
        }
        threads.execute(this::acceptConnections);
    }

    /** A proxy, listening already, in front of the server of {@code jdbcUrl} (a PostgreSQL JDBC URL). */
    public static TcpProxy inFrontOf(String jdbcUrl) {
        Matcher url = POSTGRES_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a host: " + jdbcUrl);
        }
        int port = url.group(2) == null ? POSTGRES_PORT : Integer.parseInt(url.group(2));
        return new TcpProxy(url.group(1), port, url.group(3));
    }

    /** A proxy, listening already, in front of any TCP server. */
    public static TcpProxy inFrontOf(String host, int port) {
        return new TcpProxy(host, port, "");
    }

    /** The port on 127.0.0.1 at which the proxy listens. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The same database as the URL given to {@link #inFrontOf}, reached through this proxy. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + pathAndParameters;
    }

    /** The outage begins: every connection through the proxy is reset, and so is every new one. */
    public void cut() {
        cut = true;
        open.forEach(this::reset);
    }

    /** The outage ends: new connections reach the database again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (cut) {
                reset(client);
            } else {
                threads.execute(() -> forward(client));
            }
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            server.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
            if (cut) {
                throw new SocketException("cut while connecting");
            }
            threads.execute(() -> pump(server, client));
            pump(client, server);
        } catch (IOException unreachable) {
            reset(client);
            reset(server);
        }
    }

    /** Copies one direction until either side closes, then closes both (which ends the other direction too). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away (or the proxy cut it): end the connection on both sides
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** Closes the socket with a TCP reset, as a connection lost to an outage looks to its client. */
    private void reset(Socket socket) {
        open.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // closed meanwhile
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
