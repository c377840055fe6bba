package io.itsmhub.app.simulation;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.http.SimulatorServlet;
import jakarta.servlet.ServletRegistration;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * In the {@code demo} profile, mounts every platform simulator on the class path in the
 * hub at {@code /sim/<platform>/*} with its demo credentials;
 * {@link DemoTargetsEnvironmentPostProcessor} points each platform's connector there. The
 * simulators check their own credentials, as the platforms do, so {@code /sim/**} gets a
 * filter chain of its own that reads no {@code Authorization} header: the hub's basic and
 * bearer filters would refuse the platforms' credentials before the servlet saw them.
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
	 * Every simulator on the class path ({@link SimulatedPlatforms}), seeded with the
	 * reference records the demo data names ({@code hub.demo.seed.<platform>}: table or
	 * record type to records): companies, models, cost centres, users and locations exist
	 * in a real tenant before any CI points at them.
	 */
	@Bean
	SimulatedPlatforms simulatedPlatforms(Environment environment) {
		ResolvableType records = ResolvableType.forClassWithGenerics(List.class,
				ResolvableType.forClassWithGenerics(Map.class, String.class, String.class));
		Bindable<Map<String, List<Map<String, String>>>> seedType = Bindable
			.of(ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class), records));
		Binder binder = Binder.get(environment);
		return SimulatedPlatforms
			.create((platform) -> binder.bind("hub.demo.seed." + platform, seedType).orElse(Map.of()));
	}

	/** Mounts each simulator at {@code /sim/<platform>/*}. */
	@Bean
	ServletContextInitializer simulatorServlets(SimulatedPlatforms simulators) {
		return (servletContext) -> simulators.all().forEach((platform, simulator) -> {
			ServletRegistration.Dynamic registration = servletContext.addServlet("simulator-" + platform,
					new SimulatorServlet(simulator));
			registration.addMapping(mount(platform));
			registration.setLoadOnStartup(1);
		});
	}

}
