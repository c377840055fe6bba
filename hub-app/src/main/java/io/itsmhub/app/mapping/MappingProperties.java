package io.itsmhub.app.mapping;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mapping files come from, and how soon an activation made by another instance
 * applies here.
 *
 * @param directory the folder of {@code <platform>.yaml} files imported at start when
 * their text differs from every stored version of that platform
 * @param refreshInterval how often, at most, each instance compares the active versions
 * in the database with the ones it has compiled (one small query)
 */
@ConfigurationProperties("hub.mappings")
public record MappingProperties(@DefaultValue("config/mappings") Path directory,
		@DefaultValue("1s") Duration refreshInterval) {

}
