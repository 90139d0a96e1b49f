package io.appmessage.spring.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Serves Spring MVC with Jetty although Tomcat is on the test class path too. Boot 3 picks Tomcat, so its Tomcat
 * factory is replaced by Jetty's before the web server starts (the class is named, not imported: it moved in
 * Boot 4). Boot 4 picks Jetty by itself when its Jetty module is on the class path: nothing to replace.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JettyServer {

    private static final String BOOT3_FACTORY = "org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory";

    @Bean
    static BeanDefinitionRegistryPostProcessor registerJettyServerFactory() {
        return (BeanDefinitionRegistry registry) -> {
            if (!ClassUtils.isPresent(BOOT3_FACTORY, JettyServer.class.getClassLoader())) {
                return; // Boot 4
            }
            if (registry.containsBeanDefinition("tomcatServletWebServerFactory")) {
                registry.removeBeanDefinition("tomcatServletWebServerFactory");
            }
            registry.registerBeanDefinition("testJettyServerFactory",
                    new RootBeanDefinition(ClassUtils.resolveClassName(BOOT3_FACTORY, JettyServer.class.getClassLoader())));
        };
    }

    /** The class name of the web server the context runs ({@code getWebServer()} moved between Boot 3 and 4). */
    static String webServerOf(Object context) throws ReflectiveOperationException {
        return context.getClass().getMethod("getWebServer").invoke(context).getClass().getName();
    }
}
