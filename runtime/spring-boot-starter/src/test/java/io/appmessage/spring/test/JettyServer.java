package io.appmessage.spring.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Serves Spring MVC with Jetty although Tomcat is on the test class path too (Boot picks Tomcat): Boot's
 * Tomcat factory is replaced by Jetty's before the web server starts. The factory class moved between Boot 3 and
 * Boot 4, so it is named, not imported.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JettyServer {

    private static final String[] FACTORY = {
            "org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory", // Boot 3
            "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory"}; // Boot 4

    @Bean
    static BeanDefinitionRegistryPostProcessor registerJettyServerFactory() {
        return (BeanDefinitionRegistry registry) -> {
            for (String name : FACTORY) {
                if (ClassUtils.isPresent(name, JettyServer.class.getClassLoader())) {
                    if (registry.containsBeanDefinition("tomcatServletWebServerFactory")) {
                        registry.removeBeanDefinition("tomcatServletWebServerFactory");
                    }
                    registry.registerBeanDefinition("testJettyServerFactory",
                            new RootBeanDefinition(ClassUtils.resolveClassName(name, JettyServer.class.getClassLoader())));
                    return;
                }
            }
            throw new IllegalStateException("no JettyServletWebServerFactory on the class path");
        };
    }
}
