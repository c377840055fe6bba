package io.itsmhub.app.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping versions on both databases the hub supports: embedded HSQLDB, and PostgreSQL
 * when {@code HUB_TEST_POSTGRES_URL} names one ({@code .ci/run} starts one). Exactly one
 * version is active per platform, whatever order activations arrive in.
 */
class MappingVersionStoreIT {

	private static final Instant T0 = Instant.parse("2026-11-29T07:00:00Z");

	private static final List<HikariDataSource> opened = new ArrayList<>();

	static Stream<String> databases() {
		return Stream.of("hsqldb", "postgresql");
	}

	@AfterAll
	static void close() {
		opened.forEach(HikariDataSource::close);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anActivationDecidedOnAStaleViewChangesNothing(String database) {
		Fixture fixture = fixture(database);
		MappingVersionStore store = fixture.store;
		for (int version = 1; version <= 3; version++) {
			store.insertDraft("servicenow", version, "version: " + version + "\n", "admin", null, T0);
		}
		assertThat(store.activate("servicenow", 1, null, "system", T0)).isTrue();
		// a second "first" activation lost the race
		assertThat(store.activate("servicenow", 2, null, "admin", T0)).isFalse();
		assertThat(store.activate("servicenow", 2, 1, "admin", T0.plusSeconds(60))).isTrue();
		// decided while 1 was active: 2 is active by now, so nothing happens
		assertThat(store.activate("servicenow", 3, 1, "other", T0.plusSeconds(120))).isFalse();

		MappingActivation activation = store.activation("servicenow").orElseThrow();
		assertThat(activation.activeVersion()).isEqualTo(2);
		assertThat(activation.previousVersion()).isEqualTo(1);
		assertThat(activation.activatedBy()).isEqualTo("admin");
		assertThat(activation.activatedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(store.versions("servicenow")).extracting(MappingVersion::status)
			.containsExactly("retired", "active", "draft");
		assertThat(store.activeVersions()).containsEntry("servicenow", 2);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoAdminsActivatingAtOnceLeaveExactlyOneActiveVersion(String database) throws Exception {
		Fixture fixture = fixture(database);
		MappingVersionStore store = fixture.store;
		for (int version = 1; version <= 3; version++) {
			store.insertDraft("ivanti", version, "version: " + version + "\n", "admin", null, T0);
		}
		store.activate("ivanti", 1, null, "system", T0);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int version : new int[] { 2, 3 }) {
				Callable<Boolean> activation = () -> {
					start.await();
					return store.activate("ivanti", version, 1, "admin" + version, T0);
				};
				results.add(pool.submit(activation));
			}
			start.countDown();
			int won = 0;
			for (Future<Boolean> result : results) {
				won += result.get() ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		MappingActivation activation = store.activation("ivanti").orElseThrow();
		assertThat(activation.previousVersion()).isEqualTo(1);
		assertThat(fixture.jdbc.queryForObject(
				"SELECT COUNT(*) FROM mapping_versions WHERE platform = 'ivanti' AND status = 'active'", Integer.class))
			.isEqualTo(1);
		assertThat(fixture.jdbc.queryForObject(
				"SELECT version FROM mapping_versions WHERE platform = 'ivanti' AND status = 'active'", Integer.class))
			.isEqualTo(activation.activeVersion());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aTextIsFoundByItsContentWhateverItsLineEndings(String database) {
		MappingVersionStore store = fixture(database).store;
		store.insertDraft("hornbill", 1, "apiVersion: hub.mapping/v1\nversion: 1\n", "system", "shipped", T0);
		assertThat(store.versionWithHash("hornbill",
				MappingVersionStore.contentHash("apiVersion: hub.mapping/v1\r\nversion: 1\r\n")))
			.contains(1);
		assertThat(store.versionWithHash("hornbill", MappingVersionStore.contentHash("version: 2\n"))).isEmpty();
		assertThat(store.document("hornbill", 1)).contains("apiVersion: hub.mapping/v1\nversion: 1\n");
		assertThat(store.latestVersion("hornbill")).isEqualTo(1);
		assertThat(store.latestVersion("xurrent")).isZero();
		assertThat(store.versionCounts()).containsEntry("hornbill", 1);
	}

	private Fixture fixture(String database) {
		HikariDataSource dataSource = new HikariDataSource();
		String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (database.equals("postgresql")) {
			String url = System.getenv("HUB_TEST_POSTGRES_URL");
			Assumptions.assumeTrue(url != null, "HUB_TEST_POSTGRES_URL is not set: .ci/run starts a PostgreSQL");
			String user = System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "hub");
			String password = System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "hub");
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(user);
			dataSource.setPassword(password);
			new JdbcTemplate(dataSource).execute("CREATE SCHEMA " + schema);
			dataSource.close();
			dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			dataSource.setUsername(user);
			dataSource.setPassword(password);
		}
		else {
			dataSource.setJdbcUrl("jdbc:hsqldb:mem:" + schema + ";hsqldb.tx=mvcc");
			dataSource.setUsername("SA");
		}
		opened.add(dataSource);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return new Fixture(jdbc,
				new MappingVersionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource))));
	}

	private record Fixture(JdbcTemplate jdbc, MappingVersionStore store) {

	}

}
