package io.itsmhub.connectors.jsmassets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;

/**
 * Checks the settings, then, only when they are clean, the connection: workspace
 * discovery (when no id is set), the object schema by name, and its statuses. Each
 * problem names the property to fix.
 */
final class JsmAssetsVerifier {

	private final JsmAssetsProperties properties;

	private final AssetsSchema schema;

	JsmAssetsVerifier(JsmAssetsProperties properties, AssetsSchema schema) {
		this.properties = properties;
		this.schema = schema;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			this.schema.schemaId();
			if (this.schema.statusId(this.properties.retiredStatus()) == null) {
				problems.add(new ConfigProblem(prefix("retired-status"),
						"no status '" + this.properties.retiredStatus() + "' in the object schema"));
			}
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property() : prefix("api-base-url");
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
		}
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		boolean noWorkspace = this.properties.workspaceId() == null || this.properties.workspaceId().isBlank();
		if (noWorkspace) {
			url(problems, "site-url", this.properties.siteUrl(), "is required to discover the workspace id");
		}
		url(problems, "api-base-url", this.properties.apiBaseUrl(), "is required");
		if (this.properties.auth() == JsmAssetsProperties.AuthMode.BASIC) {
			if (this.properties.email() == null || this.properties.email().isBlank()) {
				problems.add(new ConfigProblem(prefix("email"), "is required for basic authentication"));
			}
			if (this.properties.apiToken().isEmpty()) {
				problems.add(new ConfigProblem(prefix("api-token"), "is required for basic authentication"));
			}
		}
		else if (this.properties.bearerToken().isEmpty()) {
			problems.add(new ConfigProblem(prefix("bearer-token"), "is required for bearer authentication"));
		}
		if (this.properties.mode() == JsmAssetsProperties.Mode.IMPORT
				&& (this.properties.importSourceId() == null || this.properties.importSourceId().isBlank())) {
			problems.add(new ConfigProblem(prefix("import-source-id"), "is required in import mode"));
		}
		return problems;
	}

	private static void url(List<ConfigProblem> problems, String property, String value, String missing) {
		if (value == null || value.isBlank()) {
			problems.add(new ConfigProblem(prefix(property), missing));
			return;
		}
		try {
			URI uri = URI.create(value.trim());
			if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				problems.add(new ConfigProblem(prefix(property), "must be an http(s) URL"));
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ConfigProblem(prefix(property), "is no URL: " + ex.getMessage()));
		}
	}

	private static String prefix(String property) {
		return JsmAssetsProperties.PREFIX + "." + property;
	}

}
