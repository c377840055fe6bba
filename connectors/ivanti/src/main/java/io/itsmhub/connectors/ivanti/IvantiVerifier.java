package io.itsmhub.connectors.ivanti;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * Checks the settings, then, only when they are clean, the connection: one page of one
 * record of each configured business object ({@code $top=1}, {@code $select=RecId}). Each
 * problem names the property to fix.
 */
final class IvantiVerifier {

	private final IvantiProperties properties;

	private final BusinessObjectResource records;

	IvantiVerifier(IvantiProperties properties, BusinessObjectResource records) {
		this.properties = properties;
		this.records = records;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		for (String collection : this.properties.businessObjects()) {
			try {
				this.records.query(collection, null, ODataParams.REC_ID, 1);
			}
			catch (TargetException ex) {
				TargetFailure failure = ex.failure();
				String property = (failure.property() != null) ? failure.property()
						: (failure.httpStatus() != null && failure.httpStatus() == 404)
								? IvantiProperties.property("business-objects") : IvantiProperties.property("base-url");
				problems
					.add(new ConfigProblem(property, collection + ": " + failure.kind() + ": " + failure.message()));
				if (failure.kind() == TargetFailure.Kind.AUTHENTICATION || failure.retryable()) {
					break;
				}
			}
		}
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		String url = this.properties.baseUrl();
		if (url == null || url.isBlank()) {
			problems.add(new ConfigProblem(IvantiProperties.property("base-url"), "is required"));
		}
		else {
			try {
				URI uri = URI.create(url.trim());
				if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
					problems.add(new ConfigProblem(IvantiProperties.property("base-url"), "must be an http(s) URL"));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new ConfigProblem(IvantiProperties.property("base-url"), "is no URL: " + ex.getMessage()));
			}
		}
		if (this.properties.apiKey().isEmpty()) {
			problems.add(new ConfigProblem(IvantiProperties.property("api-key"),
					"is required: the REST API key's Reference ID"));
		}
		if (this.properties.businessObjects().isEmpty()) {
			problems.add(new ConfigProblem(IvantiProperties.property("business-objects"), "names no business object"));
		}
		if (this.properties.statusField() == null || this.properties.statusField().isBlank()) {
			problems.add(new ConfigProblem(IvantiProperties.property("status-field"), "is required for retirement"));
		}
		if (this.properties.retiredStatus() == null || this.properties.retiredStatus().isBlank()) {
			problems.add(new ConfigProblem(IvantiProperties.property("retired-status"), "is required for retirement"));
		}
		return problems;
	}

}
