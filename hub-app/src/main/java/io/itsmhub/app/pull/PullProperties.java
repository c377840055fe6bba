package io.itsmhub.app.pull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.itsmhub.app.ingest.SourceFormat;

/**
 * REST pull sources, {@code hub.pull.<source>}.
 *
 * @param pull per source name, its API
 */
@ConfigurationProperties("hub")
public record PullProperties(@DefaultValue Map<String, Source> pull) {

	/** How an API pages its results. */
	public enum Paging {

		/** {@code ?limit=N&offset=M} (NetBox, many Django APIs). */
		OFFSET,
		/** {@code ?page=P&per_page=N}, pages counted from 1. */
		PAGE,
		/**
		 * A cursor from each page ({@code cursor-path}) sent back as {@code ?cursor=}.
		 */
		CURSOR,
		/** The {@code Link: <...>; rel="next"} header (GitHub, GitLab, Okta). */
		LINK_HEADER

	}

	/**
	 * One pulled API.
	 *
	 * @param urls the collections to read, each paged to its end ({@code url} for one)
	 * @param url one collection
	 * @param paging how the API pages
	 * @param pageSize records asked for per page
	 * @param limitParam the page-size parameter ({@code limit} for offset paging,
	 * {@code per_page} for page paging)
	 * @param offsetParam the offset parameter
	 * @param pageParam the page-number parameter
	 * @param cursorParam the cursor parameter
	 * @param cursorPath JSON pointer to the next cursor in a page ({@code /next_cursor});
	 * paging ends when it is missing or empty
	 * @param itemsPath JSON pointer to the array of records in a page ({@code /results});
	 * empty when the page is the array
	 * @param cron the Quartz cron of pulls; none means only on demand
	 * @param auth how to sign in
	 * @param format a known format the pages are in ({@code netbox}); otherwise the
	 * mapping
	 * @param mapping canonical field ({@code identifiers.serial_number}) to JSON pointer
	 * ({@code /serial}) or JSONPath ({@code $.serial}) in each record; {@code sourceKey}
	 * is required (the flat form of a source mapping)
	 * @param mappingFile an inbound mapping document ({@code direction: inbound}, see
	 * docs/sources.md): JSONPaths, transforms, lookups, defaults and required fields; a
	 * file path, or {@code classpath:} and a resource
	 * @param ciClass the class of every record when the flat mapping gives none
	 * @param timeout how long one page may take
	 */
	public record Source(List<String> urls, String url, @DefaultValue("offset") Paging paging,
			@DefaultValue("100") int pageSize, String limitParam, @DefaultValue("offset") String offsetParam,
			@DefaultValue("page") String pageParam, @DefaultValue("cursor") String cursorParam, String cursorPath,
			String itemsPath, String cron, @DefaultValue Auth auth, SourceFormat format,
			@DefaultValue Map<String, String> mapping, String mappingFile, String ciClass,
			@DefaultValue("60s") Duration timeout) {

		/** Every collection to read. */
		public List<String> collections() {
			if (this.urls != null && !this.urls.isEmpty()) {
				return this.urls;
			}
			return (this.url != null) ? List.of(this.url) : List.of();
		}

	}

	/**
	 * Credentials, by reference: the secrets themselves stay in the environment.
	 *
	 * @param username HTTP basic user name
	 * @param passwordEnv the environment variable holding the basic password
	 * @param tokenEnv the environment variable holding a bearer token
	 * @param tokenScheme the scheme the token is sent with ({@code Bearer}; NetBox before
	 * 4.2 wants {@code Token})
	 */
	public record Auth(String username, String passwordEnv, String tokenEnv,
			@DefaultValue("Bearer") String tokenScheme) {

	}

}
