package io.itsmhub.app.security;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The API needs a user or token: viewers read, operators ingest and trigger runs, admins
 * configure. Health is open; the simulators, webhooks and agent endpoints check their own
 * credentials.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * The agent endpoint checks the agents' own credential, which is not a hub user: HTTP
	 * basic must not be tried against the users here, or an agent's header would be
	 * refused before the endpoint sees it.
	 */
	@Bean
	@org.springframework.core.annotation.Order(1)
	SecurityFilterChain agents(HttpSecurity http) throws Exception {
		http.securityMatcher("/agent", "/agent/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@org.springframework.core.annotation.Order(2)
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectMapper mapper) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"itsm-hub\"");
			write(mapper, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"sign in with a user (HTTP basic) or an API token (Bearer)");
		};
		AccessDeniedHandler denied = (request, response, ex) -> write(mapper, response, HttpStatus.FORBIDDEN,
				"Forbidden", "your role may not " + request.getMethod() + " " + request.getRequestURI());
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/sim/**", "/webhooks/**", "/agent/**", "/error")
				.permitAll()
				.requestMatchers("/actuator/**", "/api/mappings/**", "/api/admin/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole("VIEWER")
				.requestMatchers("/api/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.addFilterBefore(new BearerTokenFilter(properties.tokens(), entryPoint), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (SecurityProperties.User user : properties.users()) {
			if (user.password() == null || !user.password().startsWith("{")) {
				throw new IllegalStateException("hub.security.users[" + user.name()
						+ "].password must be a hash with its encoder id, such as {bcrypt}$2a$10$...; clear passwords are not accepted");
			}
			users.add(User.withUsername(user.name()).password(user.password()).roles(user.role().name()).build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static void write(ObjectMapper mapper, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
			String title, String detail) throws java.io.IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

}
