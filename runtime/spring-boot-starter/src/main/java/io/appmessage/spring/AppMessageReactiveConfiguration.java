package io.appmessage.spring;

import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.CorsSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The poll endpoint at {@code appmessage.path} in a Spring WebFlux app (Reactor Netty by default). Mapped
 * ahead of the app's handlers, so that path is always the poll.
 */
@AutoConfiguration(after = AppMessageAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({DispatcherHandler.class, AppMessageDispatcher.class})
@ConditionalOnBean(AppMessageDispatcher.class)
public class AppMessageReactiveConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "appMessageReactiveHandlerMapping")
    public SimpleUrlHandlerMapping appMessageReactiveHandlerMapping(AppMessageDispatcher dispatcher,
                                                                    AppMessageProperties properties,
            CorsSettings cors) {
        ReactivePollEndpoint endpoint = new ReactivePollEndpoint(dispatcher, properties.getMaxBodyBytes());
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(properties.getPath(), endpoint),
                Ordered.HIGHEST_PRECEDENCE);
        CorsConfiguration config = CorsRules.configuration(cors);
        if (config != null) {
            mapping.setCorsConfigurations(Map.of(properties.getPath(), config));
            mapping.setCorsProcessor(new ReactiveCorsProcessor());
        }
        return mapping;
    }
}
