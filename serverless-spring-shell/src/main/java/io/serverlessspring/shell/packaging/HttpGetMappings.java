package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * The GET paths an app's controllers map, read from the compiled classes at the package's root
 * without loading them (the console does not have the app's class path): {@code @GetMapping} and
 * {@code @RequestMapping(method = GET)} on methods of {@code @Controller}/{@code @RestController}
 * classes, joined to the class's {@code @RequestMapping} path. Paths with variables are left out:
 * deploy can only call a path it can spell.
 */
public final class HttpGetMappings {

	private static final String WEB = "Lorg/springframework/web/bind/annotation/";

	private static final String ACTUATOR_JAR = "spring-boot-actuator-";

	/** What a package offers to call after deploy. */
	public record Found(List<String> paths, boolean actuator) {
	}

	private HttpGetMappings() {
	}

	/** The GET paths of the classes in the zip's root, sorted, and whether the actuator is in it. */
	public static Found of(Path zip) {
		TreeSet<String> paths = new TreeSet<>();
		boolean actuator = false;
		if (zip == null || !java.nio.file.Files.isRegularFile(zip)) {
			return new Found(List.of(), false);
		}
		try (PackageLibraries libraries = PackageLibraries.open(zip)) {
			actuator = libraries.jarNames().stream().anyMatch(HttpGetMappings::isActuator);
			ZipFile archive = libraries.functionZip();
			Enumeration<? extends ZipEntry> entries = archive.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (name.endsWith(".class") && !name.startsWith("lib/") && !name.startsWith("META-INF/")) {
					try (InputStream in = archive.getInputStream(entry)) {
						paths.addAll(ofClass(in.readAllBytes()));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable classes: nothing known to call, which only means no touch.
			return new Found(List.of(), actuator);
		}
		return new Found(List.copyOf(paths), actuator);
	}

	private static boolean isActuator(String jarName) {
		return jarName.startsWith(ACTUATOR_JAR) && !jarName.startsWith(ACTUATOR_JAR + "autoconfigure");
	}

	/** The GET paths one class maps. */
	static List<String> ofClass(byte[] classFile) {
		ControllerVisitor visitor = new ControllerVisitor();
		new ClassReader(classFile).accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		if (!visitor.controller) {
			return List.of();
		}
		List<String> paths = new ArrayList<>();
		List<String> prefixes = visitor.classMapping.paths.isEmpty() ? List.of("") : visitor.classMapping.paths;
		for (Mapping method : visitor.methods) {
			if (!method.get()) {
				continue;
			}
			for (String prefix : prefixes) {
				for (String path : method.paths.isEmpty() ? List.of("") : method.paths) {
					String joined = join(prefix, path);
					if (!joined.contains("{") && !joined.contains("*")) {
						paths.add(joined);
					}
				}
			}
		}
		return paths;
	}

	/** A class-level and a method-level mapping path joined as Spring MVC joins them ({@code /} when both are empty). */
	public static String join(String prefix, String path) {
		String left = prefix.startsWith("/") || prefix.isEmpty() ? prefix : "/" + prefix;
		if (left.endsWith("/")) {
			left = left.substring(0, left.length() - 1);
		}
		String right = path.isEmpty() || path.startsWith("/") ? path : "/" + path;
		String joined = left + right;
		return joined.isEmpty() ? "/" : joined;
	}

	/** One {@code @…Mapping}: its paths, and whether it answers GET. */
	private static final class Mapping {

		final List<String> paths = new ArrayList<>();

		final List<String> methods = new ArrayList<>();

		boolean getMapping;

		boolean present;

		boolean get() {
			return this.present && (this.getMapping || this.methods.isEmpty() || this.methods.contains("GET"));
		}

		AnnotationVisitor visitor() {
			this.present = true;
			return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {
				@Override
				public AnnotationVisitor visitArray(String name) {
					return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {
						@Override
						public void visit(String ignored, Object value) {
							if (("value".equals(name) || "path".equals(name)) && value instanceof String text) {
								Mapping.this.paths.add(text);
							}
						}

						@Override
						public void visitEnum(String ignored, String descriptor, String value) {
							if ("method".equals(name)) {
								Mapping.this.methods.add(value);
							}
						}
					};
				}
			};
		}

	}

	private static final class ControllerVisitor extends ClassVisitor {

		boolean controller;

		final Mapping classMapping = new Mapping();

		final List<Mapping> methods = new ArrayList<>();

		ControllerVisitor() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			if (descriptor.equals("Lorg/springframework/stereotype/Controller;")
					|| descriptor.equals(WEB + "RestController;")) {
				this.controller = true;
			}
			if (descriptor.equals(WEB + "RequestMapping;")) {
				return this.classMapping.visitor();
			}
			return null;
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
				@Override
				public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					if (annotation.equals(WEB + "GetMapping;") || annotation.equals(WEB + "RequestMapping;")) {
						Mapping mapping = new Mapping();
						mapping.getMapping = annotation.equals(WEB + "GetMapping;");
						ControllerVisitor.this.methods.add(mapping);
						return mapping.visitor();
					}
					return null;
				}
			};
		}

	}

}
