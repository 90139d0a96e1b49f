package io.appmessage.spring;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Finds the socket under a request on Tomcat's NIO connector over HTTP/1.1. Tomcat does not read the
 * connection of an async request that is idle, so it reports a client that closed it only when the answer
 * is written; the starter watches the socket itself ({@link SocketWatcher}). Tomcat offers no public way to
 * the socket: this walks {@code RequestFacade.request → getCoyoteRequest() → hook (the Http11Processor) →
 * getSocketWrapper() → getSocket() → getIOChannel()} by reflection, checked once; on any other container,
 * connector or Tomcat shape it finds nothing, and a vanished client's hold ends with its wait.
 */
final class TomcatConnections {

    private static final Walk WALK = Walk.find();

    private TomcatConnections() {
    }

    /** The connection under {@code request}, or {@code null} when it is not an HTTP/1.1 request on Tomcat NIO. */
    static WatchedSocket of(ServletRequest request) {
        if (WALK == null) {
            return null;
        }
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper wrapper) {
            r = wrapper.getRequest();
        }
        return WALK.connectionOf(r);
    }

    /** The reflective path, resolved once. */
    private record Walk(Class<?> facadeType, Field facadeRequest, Method coyoteRequest, Field hook,
                        Class<?> http11Processor, Method socketWrapper, Method socket, Method unread, Method ioChannel) {

        static Walk find() {
            try {
                ClassLoader loader = TomcatConnections.class.getClassLoader();
                Class<?> facade = Class.forName("org.apache.catalina.connector.RequestFacade", false, loader);
                Class<?> connectorRequest = Class.forName("org.apache.catalina.connector.Request", false, loader);
                Class<?> coyoteRequest = Class.forName("org.apache.coyote.Request", false, loader);
                Class<?> abstractProcessor = Class.forName("org.apache.coyote.AbstractProcessor", false, loader);
                Class<?> http11 = Class.forName("org.apache.coyote.http11.Http11Processor", false, loader);
                Class<?> wrapper = Class.forName("org.apache.tomcat.util.net.SocketWrapperBase", false, loader);
                Class<?> nioChannel = Class.forName("org.apache.tomcat.util.net.NioChannel", false, loader);
                Field request = facade.getDeclaredField("request");
                request.setAccessible(true);
                Field hook = coyoteRequest.getDeclaredField("hook");
                hook.setAccessible(true);
                Method socketWrapper = abstractProcessor.getDeclaredMethod("getSocketWrapper");
                socketWrapper.setAccessible(true);
                return new Walk(facade, request, connectorRequest.getMethod("getCoyoteRequest"), hook, http11,
                        socketWrapper, wrapper.getMethod("getSocket"), wrapper.getMethod("unRead", ByteBuffer.class),
                        nioChannel.getMethod("getIOChannel"));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException notTomcat) {
                return null;
            }
        }

        WatchedSocket connectionOf(ServletRequest request) {
            if (!facadeType.isInstance(request)) {
                return null;
            }
            try {
                Object processor = hook.get(coyoteRequest.invoke(facadeRequest.get(request)));
                if (!http11Processor.isInstance(processor)) {
                    return null; // HTTP/2: the socket carries other streams too
                }
                Object wrapper = socketWrapper.invoke(processor);
                Object channel = wrapper == null ? null : socket.invoke(wrapper);
                if (channel == null || !ioChannel.getDeclaringClass().isInstance(channel)) {
                    return null; // NIO2 or APR connector
                }
                SocketChannel io = (SocketChannel) ioChannel.invoke(channel);
                return new WatchedSocket(io, bytes -> {
                    try {
                        unread.invoke(wrapper, bytes);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Tomcat refused bytes read ahead of it", e);
                    }
                });
            } catch (ReflectiveOperationException | RuntimeException changed) {
                return null;
            }
        }
    }
}
