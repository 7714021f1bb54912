package io.serverlessspring.local.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway v2's model, each resource kept as the JSON the API returns (camelCase members):
 * HTTP APIs with their integrations, routes, stages, deployments and authorizers; custom domain names with their
 * API mappings.
 */
public final class HttpApiModel {

	/** One API and what belongs to it. */
	public static final class Api {

		public ObjectNode api;

		public Map<String, ObjectNode> integrations = new LinkedHashMap<>();

		public Map<String, ObjectNode> routes = new LinkedHashMap<>();

		public Map<String, ObjectNode> stages = new TreeMap<>();

		public Map<String, ObjectNode> deployments = new LinkedHashMap<>();

		/** JWT and Lambda (REQUEST) authorizers by id. */
		public Map<String, ObjectNode> authorizers = new LinkedHashMap<>();

	}

	/** A custom domain name and its API mappings by id. */
	public static final class Domain {

		public ObjectNode domain;

		public Map<String, ObjectNode> mappings = new LinkedHashMap<>();

	}

	public Map<String, Api> apis = new TreeMap<>();

	public Map<String, Domain> domains = new TreeMap<>();

}
