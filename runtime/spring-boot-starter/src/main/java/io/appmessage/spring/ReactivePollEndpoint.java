package io.appmessage.spring;

import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.PollResponse;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

/**
 * The poll endpoint on WebFlux: no thread waits for the answer; it is written when the engine's stage
 * completes. A client that goes away (the exchange cancelled, or on Reactor Netty the connection seen
 * closed) frees a held poll at once.
 */
final class ReactivePollEndpoint implements WebHandler {

    private static final boolean REACTOR_NETTY =
            ClassUtils.isPresent("reactor.netty.Connection", ReactivePollEndpoint.class.getClassLoader());

    private final AppMessageDispatcher dispatcher;
    private final long maxBodyBytes;

    ReactivePollEndpoint(AppMessageDispatcher dispatcher, long maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > maxBodyBytes) {
            exchange.getResponse().getHeaders().set("Connection", "close");
            return write(exchange.getResponse(), PollAnswers.BODY_TOO_LARGE);
        }
        // the body carries nothing a poll reads: let it go so the connection can be reused
        Mono<Void> bodyRead = request.getBody().doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release).then();
        return bodyRead.then(Mono.<PollResponse>create(sink -> {
            CompletableFuture<Void> clientGone = new CompletableFuture<>();
            sink.onCancel(() -> clientGone.complete(null));
            Runnable stopWatching = REACTOR_NETTY ? NettyConnectionWatch.watch(request, clientGone) : () -> { };
            PollCalls.poll(dispatcher, request.getMethod().name(), request.getURI().getRawQuery(),
                            request.getHeaders()::getFirst, clientGone)
                    .whenComplete((answer, error) -> {
                        stopWatching.run();
                        if (error != null) {
                            sink.error(error);
                        } else {
                            sink.success(answer);
                        }
                    });
        })).flatMap(answer -> write(exchange.getResponse(), answer));
    }

    private static Mono<Void> write(ServerHttpResponse response, PollResponse answer) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().forEach(response.getHeaders()::set);
        response.getHeaders().setContentLength(answer.body().length);
        DataBuffer buffer = response.bufferFactory().wrap(answer.body());
        return response.writeWith(Mono.just(buffer));
    }
}
