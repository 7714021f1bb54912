package io.serverlessspring.samples.petstore.jobs;

/** An adoption queued by the shop front: the body of each SQS message. */
public record AdoptionRequest(long petId, String owner) {
}
