package io.serverlessspring.boot.http;

import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;

/**
 * The servlet context the servlet bridge gets when the app starts from Spring AOT's generated
 * initializers. The bridge insists on Boot's annotation-config context, but under AOT the bean
 * definitions are already generated: the annotation processors that context registers would parse
 * the configuration classes a second time or clash with the generated ones, so they are removed.
 */
public class AotServletWebServerContext extends AnnotationConfigServletWebServerApplicationContext {

	public AotServletWebServerContext() {
		// At this point the context holds nothing but what AnnotationConfigUtils registered.
		for (String processor : getBeanDefinitionNames()) {
			removeBeanDefinition(processor);
		}
	}

}
