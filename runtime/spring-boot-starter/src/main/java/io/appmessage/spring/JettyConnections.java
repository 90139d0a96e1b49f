package io.appmessage.spring;

import jakarta.servlet.ServletRequest;

import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

/**
 * Finds the socket under a request on Jetty 12 over plain HTTP/1.x. Jetty does not read the connection of an
 * async request that is idle, so it reports a client that closed it only when the answer is written; the
 * starter watches the socket itself ({@link SocketWatcher}), reading nothing from it. The way there is Jetty's
 * public API: {@code ServletContextRequest.getServletContextRequest(request)} (package {@code ee10} on Jetty 12.0,
 * {@code ee11} on 12.1) {@code → getConnectionMetaData().getConnection().getEndPoint()}, a
 * {@code SocketChannelEndPoint} whose {@code getChannel()} is the socket; looked up by name, once, because the
 * servlet package differs between Jetty lines. Over TLS (the end point decrypts) or HTTP/2 (one socket, many
 * streams) it finds nothing, and a vanished client's hold ends with its wait.
 */
final class JettyConnections {

    private static final String[] SERVLET_REQUEST = {
            "org.eclipse.jetty.ee10.servlet.ServletContextRequest", // Jetty 12.0 (Boot 3.5)
            "org.eclipse.jetty.ee11.servlet.ServletContextRequest"}; // Jetty 12.1 (Boot 4)
    private static final Walk WALK = Walk.find();

    private JettyConnections() {
    }

    /** The socket under {@code request}, or {@code null} when it is not a plain HTTP/1.x request on Jetty. */
    static WatchedSocket of(ServletRequest request) {
        if (WALK == null || !request.getProtocol().startsWith("HTTP/1")) {
            return null;
        }
        return WALK.socketOf(request);
    }

    private record Walk(Method servletContextRequest, Method connectionMetaData, Method connection, Method endPoint) {

        static Walk find() {
            ClassLoader loader = JettyConnections.class.getClassLoader();
            for (String name : SERVLET_REQUEST) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    Class<?> core = Class.forName("org.eclipse.jetty.server.Request", false, loader);
                    Class<?> metaData = Class.forName("org.eclipse.jetty.server.ConnectionMetaData", false, loader);
                    Class<?> connection = Class.forName("org.eclipse.jetty.io.Connection", false, loader);
                    return new Walk(type.getMethod("getServletContextRequest", ServletRequest.class),
                            core.getMethod("getConnectionMetaData"), metaData.getMethod("getConnection"),
                            connection.getMethod("getEndPoint"));
                } catch (ReflectiveOperationException | LinkageError notThisJetty) {
                    // the other Jetty line, or no Jetty
                }
            }
            return null;
        }

        WatchedSocket socketOf(ServletRequest request) {
            try {
                Object jetty = servletContextRequest.invoke(null, request);
                if (jetty == null) {
                    return null;
                }
                Object end = endPoint.invoke(connection.invoke(connectionMetaData.invoke(jetty)));
                Method channel = end.getClass().getMethod("getChannel");
                return channel.invoke(end) instanceof SocketChannel socket ? WatchedSocket.peekOnly(socket) : null;
            } catch (ReflectiveOperationException | RuntimeException notAPlainSocket) {
                return null; // TLS or another end point: nothing to watch
            }
        }
    }
}
