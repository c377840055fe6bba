package io.itsmhub.app.agent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may report through {@code /agent/}, and under which source name.
 *
 * @param enabled whether the endpoint answers at all
 * @param source the source name agent inventories are ingested under
 * @param open whether any agent may report without a credential
 * @param username the user name agents are configured with
 * @param password the agents' password as a hash with its encoder id, such as
 * {@code {bcrypt}$2a$10$...}; never in clear
 * @param contactInterval how often agents are told to come back (PROLOG_FREQ, CONTACT
 * expiration)
 * @param maxBodySize the largest message taken (uncompressed XML inventories with
 * software lists run to megabytes); a larger one is refused with 413
 */
@ConfigurationProperties("hub.agents")
public record AgentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("agent") String source,
		@DefaultValue("false") boolean open, String username, String password,
		@DefaultValue("24h") Duration contactInterval,
		@DefaultValue("16MB") org.springframework.util.unit.DataSize maxBodySize) {

	@Override
	public String toString() {
		return "AgentProperties[source=" + this.source + ", open=" + this.open + ", username=" + this.username + "]";
	}

}
