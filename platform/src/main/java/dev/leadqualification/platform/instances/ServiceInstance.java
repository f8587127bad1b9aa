package dev.leadqualification.platform.instances;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This running process of a service: its name is {@code <service>/<host>/<random id>}, as PostgreSQL shows it
 * ({@code application_name} of each of its connections, at most 63 characters) and as the token table records the
 * owner of a claimed segment.
 */
public record ServiceInstance(String service, String host, String id) {

    /** PostgreSQL keeps the first 63 bytes of an application name. */
    private static final int NAME_LIMIT = 63;

    public static ServiceInstance of(String service) {
        return new ServiceInstance(service, hostName(), UUID.randomUUID().toString().substring(0, 8));
    }

    public String name() {
        String name = service + "/" + host + "/" + id;
        return name.length() <= NAME_LIMIT ? name
                : service + "/" + host.substring(0, NAME_LIMIT - service.length() - id.length() - 2) + "/" + id;
    }

    /** The prefix the names of every instance of this service start with. */
    public String servicePrefix() {
        return service + "/";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
