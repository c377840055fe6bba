package io.itsmhub.app.simulation;

import io.itsmhub.simulators.http.SimulatorServlet;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * In the {@code demo} profile, mounts the platform simulators in the hub at
 * {@code /sim/servicenow/*} and {@code /sim/jsm-assets/*} with their default demo
 * credentials (ServiceNow {@code admin}/{@code admin} and OAuth client
 * {@code hub-client}/{@code hub-secret}; Assets {@code hub@example.com} with API token
 * {@code api-token}). The demo targets in {@code config/application-demo.yml} point
 * there. The simulators check their own credentials, as the platforms do, so
 * {@code /sim/**} gets a filter chain of its own that reads no {@code Authorization}
 * header: the hub's basic and bearer filters would refuse the platforms' credentials
 * before the servlet saw them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class SimulatedPlatformsConfiguration {

	/** The mount path of a simulator. */
	static String mount(String platformId) {
		return "/sim/" + platformId + "/*";
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain simulatorsFilterChain(HttpSecurity http) throws Exception {
		// Matched on the whole path: these requests go to the simulator servlets, not
		// MVC.
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/sim/**"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * The ServiceNow simulator, seeded with the reference records the demo data names
	 * ({@code hub.demo.servicenow-seed}: table to records): companies, models, cost
	 * centres, users and locations exist in a real tenant before any CI points at them.
	 */
	@Bean
	ServiceNowSimulator serviceNowSimulator(org.springframework.core.env.Environment environment) {
		ServiceNowSimulator.Builder builder = ServiceNowSimulator.builder();
		org.springframework.core.ResolvableType records = org.springframework.core.ResolvableType
			.forClassWithGenerics(java.util.List.class, org.springframework.core.ResolvableType
				.forClassWithGenerics(java.util.Map.class, String.class, String.class));
		java.util.Map<String, java.util.List<java.util.Map<String, String>>> seed = org.springframework.boot.context.properties.bind.Binder
			.get(environment)
			.bind("hub.demo.servicenow-seed",
					org.springframework.boot.context.properties.bind.Bindable.<java.util.Map<String, java.util.List<java.util.Map<String, String>>>>of(
							org.springframework.core.ResolvableType.forClassWithGenerics(java.util.Map.class,
									org.springframework.core.ResolvableType.forClass(String.class), records)))
			.orElse(java.util.Map.of());
		seed.forEach((table, rows) -> rows.forEach((row) -> builder.seed(table, row)));
		return builder.build();
	}

	@Bean
	JsmAssetsSimulator jsmAssetsSimulator() {
		return JsmAssetsSimulator.builder().build();
	}

	@Bean
	ServletRegistrationBean<SimulatorServlet> serviceNowSimulatorServlet(ServiceNowSimulator simulator) {
		ServletRegistrationBean<SimulatorServlet> registration = new ServletRegistrationBean<>(
				new SimulatorServlet(simulator), mount(simulator.platformId()));
		registration.setName("simulator-" + simulator.platformId());
		return registration;
	}

	@Bean
	ServletRegistrationBean<SimulatorServlet> jsmAssetsSimulatorServlet(JsmAssetsSimulator simulator) {
		ServletRegistrationBean<SimulatorServlet> registration = new ServletRegistrationBean<>(
				new SimulatorServlet(simulator), mount(simulator.platformId()));
		registration.setName("simulator-" + simulator.platformId());
		return registration;
	}

}
