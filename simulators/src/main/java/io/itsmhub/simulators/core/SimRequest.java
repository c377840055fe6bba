package io.itsmhub.simulators.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as a simulator sees it, independent of the server that received it.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the simulator's base, always starting with {@code /}
 * @param query the decoded query parameters, in arrival order
 * @param headers the request headers, names in lower case
 * @param body the raw request body, never {@code null}
 * @param baseUrl the absolute URL the simulator is served at, without a trailing slash;
 * used to build links the way the real platform builds them from its own host name
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
		byte[] body, String baseUrl) {

	public SimRequest {
		method = method.toUpperCase(Locale.ROOT);
		path = normalizePath(path);
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
		Map<String, List<String>> lower = new LinkedHashMap<>();
		headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), (n) -> new ArrayList<>())
			.addAll(values));
		headers = Collections.unmodifiableMap(lower);
		body = (body != null) ? body : new byte[0];
		baseUrl = (baseUrl.endsWith("/")) ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Builds a request from a raw (still encoded) query string.
	 * @param method the HTTP method
	 * @param path the path below the simulator's base
	 * @param rawQuery the encoded query string, may be {@code null}
	 * @param headers the request headers
	 * @param body the body
	 * @param baseUrl the simulator's absolute base URL
	 * @return the request
	 */
	public static SimRequest of(String method, String path, String rawQuery, Map<String, List<String>> headers,
			byte[] body, String baseUrl) {
		return new SimRequest(method, path, parseQuery(rawQuery), headers, body, baseUrl);
	}

	/**
	 * Decodes a query string or a form-encoded body into a multi-valued map.
	 * @param raw the encoded text, may be {@code null}
	 * @return the parameters in arrival order
	 */
	public static Map<String, List<String>> parseQuery(String raw) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return result;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			result.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return result;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static String normalizePath(String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		return path.startsWith("/") ? path : "/" + path;
	}

	/**
	 * Returns the first value of a query parameter.
	 * @param name the parameter name
	 * @return the value or {@code null}
	 */
	public String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, any case
	 * @return the value or {@code null}
	 */
	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the body as UTF-8 text.
	 * @return the body text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Returns a copy of this request with another method, path, query and body; used to
	 * run the parts of a batch request through the normal routing.
	 * @param method the method
	 * @param path the path
	 * @param rawQuery the encoded query
	 * @param body the body
	 * @return the derived request, carrying this request's headers and base URL
	 */
	public SimRequest derive(String method, String path, String rawQuery, byte[] body) {
		return new SimRequest(method, path, parseQuery(rawQuery), this.headers, body, this.baseUrl);
	}

}
