package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GET paths read from compiled controllers. The classes are written with ASM carrying Spring
 * MVC's annotations as javac writes them (the console has no Spring MVC on its class path either).
 */
class HttpGetMappingsTest {

	private static final String WEB = "Lorg/springframework/web/bind/annotation/";

	@TempDir
	Path dir;

	@Test
	void getPathsOfControllersJoinedToTheirClassPathWithoutVariablesOrOtherMethods() {
		byte[] pets = controller("com/example/PetController", WEB + "RestController;", List.of("/pets"),
				Map.of("list", mapping("GetMapping", List.of(), List.of()), "one",
						mapping("GetMapping", List.of("/{id}"), List.of()), "add",
						mapping("PostMapping", List.of(), List.of()), "search",
						mapping("RequestMapping", List.of("search"), List.of("GET")), "delete",
						mapping("RequestMapping", List.of("/old"), List.of("DELETE"))));

		assertThat(HttpGetMappings.ofClass(pets)).containsExactlyInAnyOrder("/pets", "/pets/search");
	}

	@Test
	void aClassThatIsNotAControllerMapsNothing() {
		byte[] plain = controller("com/example/Helper", "Lorg/springframework/stereotype/Component;", List.of(),
				Map.of("hello", mapping("GetMapping", List.of("/hello"), List.of())));

		assertThat(HttpGetMappings.ofClass(plain)).isEmpty();
	}

	@Test
	void aPackageOffersItsRootClassesMappingsAndTellsWhetherTheActuatorIsIn() throws IOException {
		byte[] hello = controller("com/example/HelloController", "Lorg/springframework/stereotype/Controller;",
				List.of(), Map.of("hello", mapping("GetMapping", List.of("/hello", "/hi"), List.of()), "root",
						mapping("GetMapping", List.of("/"), List.of())));
		Path zip = zip(Map.of("com/example/HelloController.class", hello, "lib/spring-boot-actuator-4.1.2.jar",
				new byte[0]));
		Path bare = zip(Map.of("com/example/HelloController.class", hello));

		assertThat(HttpGetMappings.of(zip)).isEqualTo(new HttpGetMappings.Found(List.of("/", "/hello", "/hi"), true));
		assertThat(HttpGetMappings.of(bare).actuator()).isFalse();
		assertThat(HttpGetMappings.of(this.dir.resolve("missing.zip")))
			.isEqualTo(new HttpGetMappings.Found(List.of(), false));
	}

	record MethodMapping(String annotation, List<String> paths, List<String> methods) {
	}

	static MethodMapping mapping(String annotation, List<String> paths, List<String> methods) {
		return new MethodMapping(annotation, paths, methods);
	}

	static byte[] controller(String internalName, String stereotype, List<String> classPaths,
			Map<String, MethodMapping> methods) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
		writer.visitAnnotation(stereotype, true).visitEnd();
		if (!classPaths.isEmpty()) {
			values(writer.visitAnnotation(WEB + "RequestMapping;", true), classPaths, List.of());
		}
		methods.forEach((name, mapping) -> {
			MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, name,
					"()Ljava/lang/String;", null, null);
			values(method.visitAnnotation(WEB + mapping.annotation() + ";", true), mapping.paths(), mapping.methods());
			method.visitEnd();
		});
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static void values(AnnotationVisitor annotation, List<String> paths, List<String> methods) {
		if (!paths.isEmpty()) {
			AnnotationVisitor value = annotation.visitArray("value");
			paths.forEach(path -> value.visit(null, path));
			value.visitEnd();
		}
		if (!methods.isEmpty()) {
			AnnotationVisitor method = annotation.visitArray("method");
			methods.forEach(m -> method.visitEnum(null, WEB + "RequestMethod;", m));
			method.visitEnd();
		}
		annotation.visitEnd();
	}

	private Path zip(Map<String, byte[]> entries) throws IOException {
		Path zip = Files.createTempFile(this.dir, "package", ".zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				archive.putNextEntry(new ZipEntry(entry.getKey()));
				archive.write(entry.getValue());
				archive.closeEntry();
			}
		}
		return zip;
	}

}
