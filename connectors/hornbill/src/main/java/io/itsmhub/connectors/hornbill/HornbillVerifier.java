package io.itsmhub.connectors.hornbill;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetException;

/**
 * Checks the settings, then, only when they are clean, the connection: endpoint discovery
 * (when no endpoint is set), the API key ({@code session::getSessionInfo}), and the asset
 * types the target classes are created as. Each problem names the property to fix.
 */
final class HornbillVerifier {

	private final HornbillProperties properties;

	private final XmlmcClient client;

	private final AssetModel model;

	HornbillVerifier(HornbillProperties properties, XmlmcClient client, AssetModel model) {
		this.properties = properties;
		this.client = client;
		this.model = model;
	}

	List<ConfigProblem> verify() {
		List<ConfigProblem> problems = parameters();
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			// POST session/?method=getSessionInfo: proves the endpoint and the key
			this.client.invoke(XmlmcParams.SERVICE_SESSION, XmlmcParams.METHOD_SESSION_INFO,
					XmlmcClient.JSON.createObjectNode());
		}
		catch (TargetException ex) {
			String property = (ex.failure().property() != null) ? ex.failure().property() : endpointProperty();
			problems.add(new ConfigProblem(property, ex.failure().kind() + ": " + ex.failure().message()));
			return problems;
		}
		Map<String, String> types = new TreeMap<>(this.properties.assetTypes());
		types.forEach((targetClass, typeName) -> {
			try {
				if (this.model.type(targetClass) == null) {
					problems.add(new ConfigProblem(prefix("asset-types"), "no asset type '" + typeName
							+ "' (AssetsTypes.h_name) on the instance for target class '" + targetClass + "'"));
				}
			}
			catch (TargetException ex) {
				problems.add(new ConfigProblem(prefix("asset-types"), ex.failure().kind() + ": " + ex.getMessage()));
			}
		});
		return problems;
	}

	private List<ConfigProblem> parameters() {
		List<ConfigProblem> problems = new ArrayList<>();
		boolean noEndpoint = blank(this.properties.apiEndpoint());
		if (noEndpoint && blank(this.properties.instance())) {
			problems.add(new ConfigProblem(prefix("instance"),
					"is required to discover the API endpoint (or set " + prefix("api-endpoint") + ")"));
		}
		if (noEndpoint && !blank(this.properties.instance())) {
			url(problems, "zoneinfo-url", this.properties.zoneinfoUrl().replace("{instance}", "x"));
		}
		if (!noEndpoint) {
			url(problems, "api-endpoint", this.properties.apiEndpoint());
		}
		if (this.properties.apiKey().isEmpty()) {
			problems.add(new ConfigProblem(prefix("api-key"),
					"is required: an API key of the integration user (Administration > Users > API Keys)"));
		}
		return problems;
	}

	private String endpointProperty() {
		return prefix(blank(this.properties.apiEndpoint()) ? "instance" : "api-endpoint");
	}

	private static void url(List<ConfigProblem> problems, String property, String value) {
		try {
			URI uri = URI.create(value.trim());
			if (uri.getHost() == null || uri.getScheme() == null
					|| !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				problems.add(new ConfigProblem(prefix(property), "must be an http(s) URL"));
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ConfigProblem(prefix(property), "is no URL: " + ex.getMessage()));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String prefix(String property) {
		return HornbillProperties.PREFIX + "." + property;
	}

}
