package eu.smartcity.accelerator.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A local port nothing listens on right now (a test's mail server, a cluster node, its proxy). */
public final class FreePort {

    private FreePort() {}

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
