package io.itsmhub.connectors.servicenow;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;

/**
 * Checks the settings, then, only when they are clean, the connection: a one-record read
 * that proves the credentials, and a look-up of the data source choice IRE needs. Each
 * problem names the property to fix (after camel-servicenow's verifier extension).
 */
final class ServiceNowVerifier {

	private final ServiceNowProperties properties;

	private final TableResource table;

	ServiceNowVerifier(ServiceNowProperties properties, TableResource table) {
		this.properties = properties;
		this.table = table;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			// GET
			// /api/now/table/sys_choice?sysparm_query=name=cmdb_ci^element=discovery_source^value={dataSource}
			if (this.table
				.list(ServiceNowParams.TABLE_CHOICE,
						"name=cmdb_ci^element=discovery_source^value=" + this.properties.dataSource(), "value", 1, 1)
				.isEmpty()) {
				problems.add(new ConfigProblem(prefix("data-source"), "'" + this.properties.dataSource()
						+ "' is no choice of cmdb_ci.discovery_source; add it in sys_choice so IRE accepts it"));
			}
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property() : prefix("base-url");
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
		}
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		String url = this.properties.baseUrl();
		if (url == null || url.isBlank()) {
			problems.add(new ConfigProblem(prefix("base-url"), "is required, such as https://acme.service-now.com"));
		}
		else {
			try {
				URI uri = URI.create(url.trim());
				if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
					problems.add(new ConfigProblem(prefix("base-url"), "must be an http(s) URL"));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new ConfigProblem(prefix("base-url"), "is no URL: " + ex.getMessage()));
			}
		}
		if (this.properties.auth() == ServiceNowProperties.AuthMode.BASIC) {
			if (blank(this.properties.username())) {
				problems.add(new ConfigProblem(prefix("username"), "is required for basic authentication"));
			}
			if (this.properties.password().isEmpty()) {
				problems.add(new ConfigProblem(prefix("password"), "is required for basic authentication"));
			}
		}
		else {
			if (blank(this.properties.clientId())) {
				problems.add(new ConfigProblem(prefix("client-id"), "is required for oauth2"));
			}
			if (this.properties.clientSecret().isEmpty()) {
				problems.add(new ConfigProblem(prefix("client-secret"), "is required for oauth2"));
			}
		}
		if (this.properties.batchSize() < 1 || this.properties.batchSize() > ServiceNowProperties.MAX_BATCH_SIZE) {
			problems.add(new ConfigProblem(prefix("batch-size"), "must be between 1 and 500"));
		}
		if (blank(this.properties.dataSource())) {
			problems.add(new ConfigProblem(prefix("data-source"), "is required: a cmdb_ci.discovery_source choice"));
		}
		return problems;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String prefix(String property) {
		return ServiceNowProperties.PREFIX + "." + property;
	}

}
