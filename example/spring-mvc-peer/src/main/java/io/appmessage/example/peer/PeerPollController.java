package io.appmessage.example.peer;

import io.appmessage.example.peer.shop.DemoAuthenticator;
import io.appmessage.runtime.Identity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The poll as a plain Spring MVC controller, the way the PHP controller did it: resolve the user, publish
 * one event per poll for the handlers to fill, return the envelope (written by Jackson).
 */
@RestController
public class PeerPollController {

    private final ApplicationEventPublisher events;
    private final DemoAuthenticator authenticator = new DemoAuthenticator();

    public PeerPollController(ApplicationEventPublisher events) {
        this.events = events;
    }

    @RequestMapping(path = "/api/message/index", method = {RequestMethod.GET, RequestMethod.POST})
    public Map<String, Object> poll(@RequestHeader(name = "X-Access-Token", required = false) String token) {
        String userId = token == null ? null : authenticator.authenticate(token).map(Identity::userId).orElse(null);
        PollEvent poll = new PollEvent(userId);
        events.publishEvent(poll);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 0);
        envelope.put("msg", "");
        envelope.put("data", poll.data());
        return envelope;
    }
}
