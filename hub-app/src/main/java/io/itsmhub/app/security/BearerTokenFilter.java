package io.itsmhub.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API clients that send {@code Authorization: Bearer <token>}. Tokens are kept
 * as SHA-256 digests and compared in constant time.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final List<SecurityProperties.Token> tokens;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(List<SecurityProperties.Token> tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] digest = sha256(header.substring(7).trim());
		for (SecurityProperties.Token token : this.tokens) {
			if (MessageDigest.isEqual(digest, HexFormat.of().parseHex(token.sha256().toLowerCase()))) {
				var authentication = new UsernamePasswordAuthenticationToken("token:" + token.name(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + token.role().name())));
				SecurityContextHolder.getContext().setAuthentication(authentication);
				chain.doFilter(request, response);
				return;
			}
		}
		SecurityContextHolder.clearContext();
		this.entryPoint.commence(request, response, new BadCredentialsException("unknown API token"));
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
