package io.appmessage.spring.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Serves Spring MVC with Undertow although Tomcat is on the test class path too (Boot picks Tomcat): Boot's
 * Tomcat factory is replaced by Undertow's before the web server starts. Boot 3 only: Boot 4 dropped Undertow.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UndertowServer {

    static final String FACTORY = "org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory";

    @Bean
    static BeanDefinitionRegistryPostProcessor registerUndertowServerFactory() {
        return (BeanDefinitionRegistry registry) -> {
            if (registry.containsBeanDefinition("tomcatServletWebServerFactory")) {
                registry.removeBeanDefinition("tomcatServletWebServerFactory");
            }
            registry.registerBeanDefinition("testUndertowServerFactory",
                    new RootBeanDefinition(ClassUtils.resolveClassName(FACTORY, UndertowServer.class.getClassLoader())));
        };
    }
}
