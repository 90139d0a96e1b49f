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
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The poll endpoint at {@code appmessage.path} in a Spring MVC app (Tomcat, Jetty or Undertow): answered on
 * the container thread when the handlers answer there, else on Servlet async. Mapped ahead of the app's controllers and static resources, so that path is always the poll.
 */
@AutoConfiguration(after = AppMessageAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, AppMessageDispatcher.class})
@ConditionalOnBean(AppMessageDispatcher.class)
public class AppMessageServletConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "appMessageHandlerMapping")
    public SimpleUrlHandlerMapping appMessageHandlerMapping(AppMessageDispatcher dispatcher,
                                                            AppMessageProperties properties,
            CorsSettings cors) {
        ServletPollEndpoint endpoint = new ServletPollEndpoint(dispatcher, properties.getMaxBodyBytes(),
                properties.getLongPollCap(), properties.getPollDeadline());
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(properties.getPath(), endpoint),
                Ordered.HIGHEST_PRECEDENCE);
        CorsConfiguration config = CorsRules.configuration(cors);
        if (config != null) {
            mapping.setCorsConfigurations(Map.of(properties.getPath(), config));
            mapping.setCorsProcessor(new ServletCorsProcessor());
        }
        return mapping;
    }
}
