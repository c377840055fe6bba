package io.itsmhub.connectors.hornbill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.connectors.hornbill.XmlmcClient.MethodResult;

/**
 * Service Manager's asset links ({@code Asset::linkAsset}); the method and parameter
 * names come from {@code hub.targets.hornbill.api}.
 */
final class AssetLinkResource {

	private final XmlmcClient client;

	AssetLinkResource(XmlmcClient client) {
		this.client = client;
	}

	// POST apps/com.hornbill.servicemanager/Asset/?method=linkAsset
	// {leftEntityId, leftEntityType, leftRelType, rightEntityId, rightEntityType,
	// rightRelType, dependsOn}
	MethodResult link(String leftUrn, String relation, String rightUrn, String inverse, boolean dependsOn) {
		HornbillProperties.Api api = this.client.properties().api();
		ObjectNode params = XmlmcClient.JSON.createObjectNode();
		params.put(api.leftEntityId(), leftUrn);
		params.put(api.leftEntityType(), api.entityType());
		params.put(api.leftRelType(), relation);
		params.put(api.rightEntityId(), rightUrn);
		params.put(api.rightEntityType(), api.entityType());
		params.put(api.rightRelType(), inverse);
		params.put(api.dependsOn(), dependsOn);
		return this.client.invoke(api.linkService(), api.linkMethod(), params);
	}

}
