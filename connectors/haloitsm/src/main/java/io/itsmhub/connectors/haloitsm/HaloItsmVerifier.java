package io.itsmhub.connectors.haloitsm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;

/**
 * Checks the settings, then, only when they are clean, the connection: a token from the
 * token endpoint, and the asset types. Each problem names the property to fix.
 */
final class HaloItsmVerifier {

	private final HaloItsmProperties properties;

	private final HaloHttp http;

	private final AssetTypeResource types;

	HaloItsmVerifier(HaloItsmProperties properties, HaloHttp http, AssetTypeResource types) {
		this.properties = properties;
		this.http = http;
		this.types = types;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			this.http.accessToken(true);
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property()
					: HaloItsmProperties
						.property((this.properties.authUrl() != null && !this.properties.authUrl().isBlank())
								? "auth-url" : "base-url");
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
			return problems;
		}
		try {
			if (this.types.byName().isEmpty()) {
				problems.add(new ConfigProblem(HaloItsmProperties.property("base-url"),
						"the tenant has no asset types (GET /api/AssetType)"));
			}
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property()
					: HaloItsmProperties.property("base-url");
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
		}
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		url(problems, "base-url", this.properties.baseUrl(), true);
		url(problems, "auth-url", this.properties.authUrl(), false);
		if (this.properties.clientId() == null || this.properties.clientId().isBlank()) {
			problems.add(new ConfigProblem(HaloItsmProperties.property("client-id"), "is required"));
		}
		if (this.properties.clientSecret().isEmpty()) {
			problems.add(new ConfigProblem(HaloItsmProperties.property("client-secret"), "is required"));
		}
		this.properties.relationFields().forEach((type, field) -> {
			if (field == null || !field.matches("[a-z_]+")) {
				problems.add(new ConfigProblem(HaloItsmProperties.property("relation-fields." + type),
						"must name a Device field, such as parent_assets or parent_id"));
			}
		});
		return problems;
	}

	private static void url(List<ConfigProblem> problems, String property, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new ConfigProblem(HaloItsmProperties.property(property), "is required"));
			}
			return;
		}
		try {
			URI uri = URI.create(value.trim());
			if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				problems.add(new ConfigProblem(HaloItsmProperties.property(property), "must be an http(s) URL"));
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ConfigProblem(HaloItsmProperties.property(property), "is no URL: " + ex.getMessage()));
		}
	}

}
