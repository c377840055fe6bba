package io.itsmhub.connectors.jsmassets;

import java.net.URI;

import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/** Workspace discovery on the Jira site. */
final class WorkspaceResource {

	private final AssetsHttp http;

	WorkspaceResource(AssetsHttp http) {
		this.http = http;
	}

	// GET {site}/rest/servicedeskapi/assets/workspace
	String discover() {
		String id = this.http
			.send("GET", URI.create(this.http.siteUrl() + AssetsParams.PATH_WORKSPACE_DISCOVERY), null, null)
			.json()
			.path("values")
			.path(0)
			.path("workspaceId")
			.asText("");
		if (id.isEmpty()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					"the site has no Assets workspace (Assets needs JSM Premium or Enterprise)", null, null,
					JsmAssetsProperties.PREFIX + ".site-url"));
		}
		return id;
	}

}
