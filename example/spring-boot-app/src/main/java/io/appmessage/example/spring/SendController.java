package io.appmessage.example.spring;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /api/demo/send?to=<user>&key=<key>} with a JSON body: stores a targeted message for that
 * user; their held long-poll answers with it at once. Bad input is a 400 naming the rule.
 */
@RestController
public class SendController {

    private final AppMessageOutbox outbox;

    public SendController(AppMessageOutbox outbox) {
        this.outbox = outbox;
    }

    @PostMapping(path = "/api/demo/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> send(@RequestParam("to") String to, @RequestParam("key") String key,
                                                    @RequestBody String json) {
        try {
            return ResponseEntity.ok(Map.of("id", outbox.sendJson(to, key, json)));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
