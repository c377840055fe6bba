package io.itsmhub.connectors.xurrent;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;

/**
 * Checks the settings, then, only when they are clean, the connection: one
 * {@code configurationItems(first: 1) { totalCount }} query (token, account and scope),
 * and, when introspection is on, that the retired status is a {@code CiStatus} of the
 * account. Each problem names the property to fix.
 */
final class XurrentVerifier {

	private final XurrentProperties properties;

	private final XurrentGraphQl graphQl;

	private final TenantSchema schema;

	XurrentVerifier(XurrentProperties properties, XurrentGraphQl graphQl, TenantSchema schema) {
		this.properties = properties;
		this.graphQl = graphQl;
		this.schema = schema;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			this.graphQl.execute("query {\n  configurationItems(first: 1) { totalCount }\n}", null).requireData();
			TenantSchema.Snapshot tenant = this.schema.snapshot();
			if (tenant.status(this.properties.retiredStatus()) == null) {
				problems.add(new ConfigProblem(XurrentProperties.property("retired-status"), "'"
						+ this.properties.retiredStatus() + "' is no CiStatus of the account " + tenant.statuses()));
			}
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property()
					: XurrentProperties.property("graphql-url");
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
		}
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		String url = this.properties.graphqlUrl();
		try {
			URI uri = URI.create(url.trim());
			if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				problems.add(new ConfigProblem(XurrentProperties.property("graphql-url"), "must be an http(s) URL"));
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ConfigProblem(XurrentProperties.property("graphql-url"), "is no URL: " + ex.getMessage()));
		}
		if (this.properties.accountId() == null || this.properties.accountId().isBlank()) {
			problems.add(new ConfigProblem(XurrentProperties.property("account-id"),
					"is required (the account the token acts in, sent as " + this.properties.accountHeader() + ")"));
		}
		if (this.properties.token().isEmpty()) {
			problems.add(new ConfigProblem(XurrentProperties.property("token"),
					"is required (a personal access token or OAuth access token)"));
		}
		return problems;
	}

}
