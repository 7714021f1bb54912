package io.serverlessspring.samples.petstore.web;

import java.io.IOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A binary response: the function returns it base64-encoded and API Gateway decodes it. */
@RestController
public class PhotoController {

	private final PetRegistry registry;

	public PhotoController(PetRegistry registry) {
		this.registry = registry;
	}

	@GetMapping(path = "/pets/{id}/photo", produces = MediaType.IMAGE_PNG_VALUE)
	public ResponseEntity<byte[]> photo(@PathVariable long id) throws IOException {
		this.registry.find(id).orElseThrow(() -> new PetNotFoundException(id));
		byte[] png = new ClassPathResource("static/photos/pet.png").getContentAsByteArray();
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(png);
	}

}
