package io.appmessage.spring;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

import java.util.concurrent.CompletableFuture;

/**
 * Notices a client that closes its connection while its poll waits on Reactor Netty. Between a request and
 * its answer Netty does not read the connection, so a closed socket would only be found when the answer is
 * written; asking for one read lets Netty see the end of the stream (or queue a pipelined request as it
 * always does), and the channel's close completes {@code clientGone}. The close listener is removed with the
 * answer, so a keep-alive connection does not collect one per poll.
 */
final class NettyConnectionWatch {

    private NettyConnectionWatch() {
    }

    /** Watches the request's connection when it is Reactor Netty's; returns what stops watching. */
    static Runnable watch(ServerHttpRequest request, CompletableFuture<Void> clientGone) {
        if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)) {
            return () -> { };
        }
        Channel channel = connection.channel();
        ChannelFutureListener closed = future -> clientGone.complete(null);
        channel.closeFuture().addListener(closed);
        channel.read();
        return () -> channel.closeFuture().removeListener(closed);
    }
}
