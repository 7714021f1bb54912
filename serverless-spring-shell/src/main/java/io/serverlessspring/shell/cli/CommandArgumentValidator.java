package io.serverlessspring.shell.cli;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;

/**
 * The {@link Validator} Spring Shell checks each command's arguments with. Without one it builds Hibernate
 * Validator's factory (some 460 classes) while it registers the commands, on every start, although no
 * command declares a constraint. This one builds it only when a command method with a constraint
 * ({@code @Min}, {@code @Valid}, ... on the method or a parameter) is called, so {@code --help} and
 * {@code status} start without it and a constraint added later still applies.
 */
public class CommandArgumentValidator implements Validator {

	private final Map<Method, Boolean> constrained = new ConcurrentHashMap<>();

	private Validator delegate;

	private synchronized Validator delegate() {
		if (this.delegate == null) {
			this.delegate = Validation.buildDefaultValidatorFactory().getValidator();
		}
		return this.delegate;
	}

	/** Whether Bean Validation has been started (for tests: it should not be for unconstrained commands). */
	synchronized boolean started() {
		return this.delegate != null;
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
		return delegate().validate(object, groups);
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
		return delegate().validateProperty(object, propertyName, groups);
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
			Class<?>... groups) {
		return delegate().validateValue(beanType, propertyName, value, groups);
	}

	@Override
	public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
		return delegate().getConstraintsForClass(clazz);
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		return delegate().unwrap(type);
	}

	@Override
	public ExecutableValidator forExecutables() {
		return new ExecutableValidator() {

			@Override
			public <T> Set<ConstraintViolation<T>> validateParameters(T object, Method method, Object[] parameterValues,
					Class<?>... groups) {
				if (!CommandArgumentValidator.this.constrained.computeIfAbsent(method, CommandArgumentValidator::declaresConstraint)) {
					return Set.of();
				}
				return delegate().forExecutables().validateParameters(object, method, parameterValues, groups);
			}

			@Override
			public <T> Set<ConstraintViolation<T>> validateReturnValue(T object, Method method, Object returnValue,
					Class<?>... groups) {
				return delegate().forExecutables().validateReturnValue(object, method, returnValue, groups);
			}

			@Override
			public <T> Set<ConstraintViolation<T>> validateConstructorParameters(Constructor<? extends T> constructor,
					Object[] parameterValues, Class<?>... groups) {
				return delegate().forExecutables().validateConstructorParameters(constructor, parameterValues, groups);
			}

			@Override
			public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(Constructor<? extends T> constructor,
					T createdObject, Class<?>... groups) {
				return delegate().forExecutables().validateConstructorReturnValue(constructor, createdObject, groups);
			}

		};
	}

	/**
	 * Whether {@code method}, one it overrides, or one of their parameters (including type arguments, as
	 * in {@code List<@NotBlank String>}) carries a constraint or {@code @Valid}.
	 */
	static boolean declaresConstraint(Method method) {
		for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
			if (declaresConstraint(type, method)) {
				return true;
			}
			for (Class<?> contract : type.getInterfaces()) {
				if (declaresConstraint(contract, method)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean declaresConstraint(Class<?> type, Method method) {
		Method declared;
		try {
			declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		if (anyConstraint(declared.getAnnotations())) {
			return true;
		}
		for (Parameter parameter : declared.getParameters()) {
			if (anyConstraint(parameter.getAnnotations()) || anyConstraint(parameter.getAnnotatedType())) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyConstraint(AnnotatedType type) {
		if (anyConstraint(type.getAnnotations())) {
			return true;
		}
		if (type instanceof AnnotatedParameterizedType parameterized) {
			for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
				if (anyConstraint(argument)) {
					return true;
				}
			}
		}
		return type instanceof AnnotatedArrayType array && anyConstraint(array.getAnnotatedGenericComponentType());
	}

	private static boolean anyConstraint(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			Class<? extends Annotation> type = annotation.annotationType();
			if (type == Valid.class || type.isAnnotationPresent(Constraint.class) || isConstraintList(annotation)) {
				return true;
			}
		}
		return false;
	}

	/** A repeated constraint ({@code @Pattern.List}) is a container whose {@code value} holds constraints. */
	private static boolean isConstraintList(Annotation annotation) {
		try {
			Method value = annotation.annotationType().getDeclaredMethod("value");
			return value.getReturnType().isArray() && value.getReturnType().getComponentType().isAnnotation()
					&& value.getReturnType().getComponentType().isAnnotationPresent(Constraint.class);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
