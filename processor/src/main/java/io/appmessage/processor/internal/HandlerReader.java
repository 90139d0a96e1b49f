package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Reads a method that passed {@link HandlerValidator} into a {@link HandlerModel}, keeping the
 * element beside it for the checks that need the whole compilation and for error positions.
 */
public final class HandlerReader {

    private final TypeSupport support;
    private final PluginReader plugins;
    private final BlockingReader blocking;

    public HandlerReader(TypeSupport support, PluginReader plugins, BlockingReader blocking) {
        this.support = support;
        this.plugins = plugins;
        this.blocking = blocking;
    }

    /**
     * A read handler.
     *
     * @param model  what the writer needs
     * @param method the annotated method
     * @param shape  what it returns
     * @param plugin where its plugin is declared, if any
     */
    public record ReadHandler(HandlerModel model, ExecutableElement method, ResultShape shape,
                              Optional<PluginReader.Plugin> plugin) {

        /** The declaring class. */
        public TypeElement owner() {
            return (TypeElement) method.getEnclosingElement();
        }
    }

    public ReadHandler read(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        OnAppMessageRequest annotation = method.getAnnotation(OnAppMessageRequest.class);
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
        List<HandlerModel.Parameter> parameters = method.getParameters().stream()
                .map(parameter -> support.is(parameter.asType(), AppMessageRequest.class.getCanonicalName())
                        ? HandlerModel.Parameter.REQUEST : HandlerModel.Parameter.MESSAGE)
                .toList();
        HandlerModel.InstanceSource instances = isStatic ? HandlerModel.InstanceSource.STATIC
                : HandlerValidator.noArgConstructor(owner).isPresent()
                        ? HandlerModel.InstanceSource.PROVIDER_OR_CONSTRUCTOR
                        : HandlerModel.InstanceSource.PROVIDER;
        Optional<PluginReader.Plugin> plugin = plugins.pluginOf(owner);
        ResultShape shape = ResultShape.of(method, support);
        HandlerModel model = new HandlerModel(ClassName.get(owner), method.getSimpleName().toString(), isStatic,
                parameters, shape.kind(), annotation.value(), annotation.order(),
                plugin.map(PluginReader.Plugin::name).orElse(""), instances,
                blocking.blocking(method));
        return new ReadHandler(model, method, shape, plugin);
    }
}
