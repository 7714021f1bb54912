package io.serverlessspring.boot.scanning;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The one way this library finds the annotated methods of a bean class, whether it reads classes
 * (the manifest, nothing started) or beans (the running function): Spring's
 * {@link MethodIntrospector} over the user class (CGLIB proxies unwrapped) and its interfaces, with
 * merged annotations, so meta-annotations and {@code @AliasFor} count as Spring's own scanners
 * count them. Bridge methods are left out; the maps keep the order reflection gives.
 */
public final class AnnotatedMethods {

	private AnnotatedMethods() {
	}

	/**
	 * The methods carrying {@code annotation}, directly or as a meta-annotation, on the method or
	 * the method it overrides or implements (the nearest one wins), as
	 * {@link AnnotatedElementUtils#findMergedAnnotation} finds it.
	 */
	public static <A extends Annotation> Map<Method, A> find(Class<?> type, Class<A> annotation) {
		if (!AnnotationUtils.isCandidateClass(type, annotation)) {
			return Map.of(); // a quick no for JDK and framework classes: start-up time
		}
		return MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
				(MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils.findMergedAnnotation(method,
						annotation));
	}

	/**
	 * The methods carrying one or more {@code annotation}s, alone or in their {@code container}, each
	 * with every occurrence in declaration order: the way Spring's own {@code @Scheduled} processor
	 * reads them ({@link AnnotatedElementUtils#getMergedRepeatableAnnotations}, declared on the
	 * method itself).
	 */
	public static <A extends Annotation> Map<Method, Set<A>> findRepeatable(Class<?> type, Class<A> annotation,
			Class<? extends Annotation> container) {
		if (!AnnotationUtils.isCandidateClass(type, List.of(annotation, container))) {
			return Map.of();
		}
		return MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
				(MethodIntrospector.MetadataLookup<Set<A>>) (method) -> {
					Set<A> found = AnnotatedElementUtils.getMergedRepeatableAnnotations(method, annotation, container);
					return found.isEmpty() ? null : found;
				});
	}

}
