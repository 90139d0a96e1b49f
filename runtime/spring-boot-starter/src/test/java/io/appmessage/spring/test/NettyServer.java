package io.appmessage.spring.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Serves WebFlux with Reactor Netty although Tomcat is on the test class path too (Boot would pick it, and a
 * WebFlux-on-Tomcat test runs elsewhere: the MVC test's container). The
 * factory class moved between Boot 3 and Boot 4, so it is named, not imported.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NettyServer {

    private static final String[] FACTORY = {
            "org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory", // Boot 3
            "org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory"}; // Boot 4

    @Bean
    static BeanDefinitionRegistryPostProcessor registerNettyServerFactory() {
        return (BeanDefinitionRegistry registry) -> {
            if (!registry.containsBeanDefinition("tomcatReactiveWebServerFactory")) {
                return; // Boot chose Netty already (Boot 4 prefers it)
            }
            for (String name : FACTORY) {
                if (ClassUtils.isPresent(name, NettyServer.class.getClassLoader())) {
                    registry.removeBeanDefinition("tomcatReactiveWebServerFactory");
                    registry.registerBeanDefinition("testNettyServerFactory",
                            new RootBeanDefinition(ClassUtils.resolveClassName(name, NettyServer.class.getClassLoader())));
                    return;
                }
            }
            throw new IllegalStateException("no NettyReactiveWebServerFactory on the class path");
        };
    }
}
