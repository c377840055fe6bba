package io.itsmhub.sources.agent;

import io.itsmhub.api.ingest.ParsedRecords;

/**
 * What the agent endpoint answers to one request, and what the request carried.
 *
 * @param status the HTTP status to answer with: 200, or 400 for a message the hub cannot
 * read (the reply then says why, in the agent's protocol)
 * @param reply the reply body, compressed as the request was
 * @param replyContentType the reply's content type
 * @param query what the agent asked: {@code PROLOG}, {@code INVENTORY},
 * {@code SNMPQUERY}, {@code NETDISCOVERY} (XML) or {@code contact}, {@code inventory},
 * {@code netinventory}, {@code netdiscovery} (JSON); empty when unreadable
 * @param items the records the request carried, to hand to the item sink; empty for a
 * PROLOG or CONTACT
 */
public record AgentExchange(int status, byte[] reply, String replyContentType, String query, ParsedRecords items) {

	/** Whether the request carried records (good or rejected) to ingest. */
	public boolean hasRecords() {
		return !this.items.items().isEmpty() || !this.items.rejections().isEmpty();
	}

}
