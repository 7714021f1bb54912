package io.serverlessspring.boot.scanning;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.core.annotation.AliasFor;

import static org.assertj.core.api.Assertions.assertThat;

/** The one scanner finds what Spring's own scanners find: meta-annotations, overrides, repeats, through proxies. */
class AnnotatedMethodsTest {

	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@interface Job {

		String value() default "";

	}

	/** A composed annotation: {@code @Job("nightly")} under another name. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Job
	@interface NightlyJob {

		@AliasFor(annotation = Job.class, attribute = "value")
		String name() default "nightly";

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Repeatable(Steps.class)
	@interface Step {

		String value();

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface Steps {

		Step[] value();

	}

	interface Jobs {

		@Job("declared")
		void declaredOnTheInterface();

	}

	public static class PetJobs implements Jobs {

		@Job("plain")
		public void plain() {
		}

		@NightlyJob
		public void composed() {
		}

		@Override
		public void declaredOnTheInterface() {
		}

		@Step("first")
		@Step("second")
		public void twoSteps() {
		}

		@Step("only")
		public void oneStep() {
		}

		public void notAJob() {
		}

	}

	@Test
	void findsDirectComposedAndInheritedAnnotations() {
		Map<Method, Job> jobs = AnnotatedMethods.find(PetJobs.class, Job.class);

		assertThat(jobs).hasSize(3);
		assertThat(byName(jobs, "plain").value()).isEqualTo("plain");
		assertThat(byName(jobs, "composed").value()).isEqualTo("nightly");
		assertThat(byName(jobs, "declaredOnTheInterface").value()).isEqualTo("declared");
	}

	@Test
	void findsEveryRepeatedAnnotationInOrder() {
		Map<Method, Set<Step>> steps = AnnotatedMethods.findRepeatable(PetJobs.class, Step.class, Steps.class);

		assertThat(steps).hasSize(2);
		assertThat(byName(steps, "twoSteps")).extracting(Step::value).containsExactly("first", "second");
		assertThat(byName(steps, "oneStep")).extracting(Step::value).containsExactly("only");
	}

	@Test
	void seesThroughAClassProxy() {
		ProxyFactory factory = new ProxyFactory(new PetJobs());
		factory.setProxyTargetClass(true);
		Class<?> proxyClass = factory.getProxy().getClass();
		assertThat(proxyClass).isNotEqualTo(PetJobs.class);

		Map<Method, Job> jobs = AnnotatedMethods.find(proxyClass, Job.class);

		assertThat(jobs.keySet()).extracting(Method::getDeclaringClass).containsOnly(PetJobs.class);
		assertThat(jobs.keySet()).extracting(Method::getName)
			.containsExactlyInAnyOrder("plain", "composed", "declaredOnTheInterface");
	}

	@Test
	void findsNothingOnAClassWithoutTheAnnotation() {
		assertThat(AnnotatedMethods.find(String.class, Job.class)).isEmpty();
		assertThat(AnnotatedMethods.findRepeatable(String.class, Step.class, Steps.class)).isEmpty();
	}

	private static <T> T byName(Map<Method, T> found, String name) {
		return found.entrySet().stream().filter((e) -> e.getKey().getName().equals(name)).findFirst().orElseThrow()
			.getValue();
	}

}
