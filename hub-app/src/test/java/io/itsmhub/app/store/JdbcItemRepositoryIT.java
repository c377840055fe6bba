package io.itsmhub.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.reconciliation.store.ItemRepository;
import io.itsmhub.reconciliation.store.ReconciliationBatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item store on both databases it supports: embedded HSQLDB, and PostgreSQL when
 * {@code HUB_TEST_POSTGRES_URL} names one ({@code .ci/run} starts one). Each run gets a
 * schema of its own.
 */
class JdbcItemRepositoryIT {

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
	void threeSourcesOfOneServerEndAsOneStoredItem(String database) throws IOException {
		Store store = store(database);
		for (String source : List.of("agent", "cloud", "itam")) {
			IngestReport report = store.ingest(source, fixture(source));
			assertThat(report.rejected()).as(source).isZero();
		}
		assertThat(store.count("items")).isEqualTo(1);
		String id = store.jdbc.queryForObject("SELECT id FROM items", String.class);
		ItemState item = store.repository.load(List.of(id)).get(id);
		assertThat(item.fields().get("facts.owner").value()).isEqualTo("jane.doe@example.com");
		assertThat(item.fields().get("facts.lifecycle_status").value()).isEqualTo(LifecycleStatus.IN_USE);
		assertThat(item.fields().get("attributes.os").value()).isEqualTo("Ubuntu");
		assertThat(store.count("item_sources")).isEqualTo(3);
		assertThat(store.jdbc.queryForList(
				"SELECT item_id FROM item_identifiers WHERE id_type = 'cloud_resource_id' AND id_value = 'i-0a763ac3ee37d8d2b'",
				String.class))
			.containsExactly(id);
		assertThat(store.repository
			.findOwners(List.of(new IdentityKey("serial_number", "EC2E1916-9099-7CAF-FD21-01234567890A"))))
			.containsValue(id);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void reIngestingChangesNothingAndWritesNoHistory(String database) throws IOException {
		Store store = store(database);
		store.ingest("agent", fixture("agent"));
		store.ingest("itam", fixture("itam"));
		long history = store.count("item_changes");
		long version = store.jdbc.queryForObject("SELECT version FROM items", Long.class);
		IngestReport again = store.ingest("agent", fixture("agent"));
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(store.count("item_changes")).isEqualTo(history);
		assertThat(store.jdbc.queryForObject("SELECT version FROM items", Long.class)).isEqualTo(version);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aConflictIsStoredOnceHoweverOftenItIsSeen(String database) {
		Store store = store(database);
		store.ingest("agent", """
				[{"sourceKey": "a", "ciClass": "server", "identifiers": {"serial_number": "CZ3420ABCD"}},
				 {"sourceKey": "b", "ciClass": "server", "identifiers": {"mac_address": "00:1a:2b:3c:4d:5e"}}]""");
		String bridge = """
				{"sourceKey": "P1", "ciClass": "server",
				 "identifiers": {"serial_number": "CZ3420ABCD", "mac_address": "00:1a:2b:3c:4d:5e"}}""";
		store.ingest("itam", bridge);
		store.ingest("itam", bridge);
		assertThat(store.count("conflicts")).isEqualTo(1);
		assertThat(store.count("items")).isEqualTo(2);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aBatchThatLosesARaceForAKeyIsReconciledAgainWithoutADuplicate(String database) {
		Store store = store(database);
		String record = """
				{"sourceKey": "%s", "ciClass": "server", "identifiers": {"serial_number": "CZ3420ABCD"},
				 "attributes": {"os": "%s"}}""";
		// instance B read the store before instance A wrote the same machine
		Reconciler instanceA = store.reconciler(store.repository);
		ItemRepository racing = new ItemRepository() {

			boolean raced;

			@Override
			public Map<IdentityKey, String> findOwners(Collection<IdentityKey> keys) {
				return store.repository.findOwners(keys);
			}

			@Override
			public Map<String, ItemState> load(Collection<String> ids) {
				return store.repository.load(ids);
			}

			@Override
			public void save(ReconciliationBatch batch) {
				if (!this.raced) {
					this.raced = true;
					instanceA.reconcile("agent", store.read("agent", record.formatted("from-a", "Ubuntu")));
				}
				store.repository.save(batch);
			}
		};
		IngestReport report = store.reconciler(racing)
			.reconcile("netbox", store.read("netbox", record.formatted("from-b", "Debian")))
			.report();
		assertThat(report.created()).isZero();
		assertThat(report.unchanged()).isEqualTo(1);
		assertThat(store.count("items")).isEqualTo(1);
		assertThat(store.count("item_sources")).isEqualTo(2);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void manyItemsGoThroughInBatches(String database) {
		Store store = store(database);
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < 2500; i++) {
			ndjson.append("{\"sourceKey\": \"srv-")
				.append(i)
				.append("\", \"ciClass\": \"server\", \"name\": \"srv-")
				.append(i)
				.append("\", \"identifiers\": {\"serial_number\": \"SN")
				.append(100000 + i)
				.append("\", \"mac_address\": \"00:50:56:")
				.append(String.format("%02x:%02x:%02x", i >> 16 & 255, i >> 8 & 255, i & 255))
				.append("\"}, \"attributes\": {\"os\": \"Ubuntu\"}}\n");
		}
		ParsedRecords records = store.read("agent", ndjson.toString());
		for (int from = 0; from < records.items().size(); from += 1000) {
			store.reconciler(store.repository)
				.reconcile("agent", new ParsedRecords(
						records.items().subList(from, Math.min(from + 1000, records.items().size())), List.of()));
		}
		assertThat(store.count("items")).isEqualTo(2500);
		assertThat(store.count("identifiers")).isEqualTo(2500 * 3);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void ownersAreFoundByTypeAndValueWhateverTheNumberOfKeys(String database) {
		Store store = store(database);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			rows.add(new Object[] { "serial_number", "SN" + i, "item-" + i });
			rows.add(new Object[] { "mac_address", "SN" + i, "other-" + i });
		}
		store.jdbc.batchUpdate("INSERT INTO identifiers (key_type, key_value, item_id) VALUES (?, ?, ?)", rows);
		List<IdentityKey> wanted = new ArrayList<>();
		Map<IdentityKey, String> expected = new HashMap<>();
		for (int i = 0; i < 1200; i += 2) {
			wanted.add(new IdentityKey("serial_number", "SN" + i));
			wanted.add(new IdentityKey("serial_number", "SN" + i));
			expected.put(new IdentityKey("serial_number", "SN" + i), "item-" + i);
		}
		wanted.add(new IdentityKey("mac_address", "SN7"));
		expected.put(new IdentityKey("mac_address", "SN7"), "other-7");
		wanted.add(new IdentityKey("serial_number", "SN-missing"));
		wanted.add(new IdentityKey("serial_number", "S".repeat(3000)));
		wanted.add(new IdentityKey("fqdn", "SN1"));

		assertThat(store.repository.findOwners(wanted)).isEqualTo(expected);
	}

	private Store store(String database) {
		HikariDataSource dataSource = new HikariDataSource();
		String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (database.equals("postgresql")) {
			String url = System.getenv("HUB_TEST_POSTGRES_URL");
			Assumptions.assumeTrue(url != null, "HUB_TEST_POSTGRES_URL is not set: .ci/run starts a PostgreSQL");
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "hub"));
			dataSource.setPassword(System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "hub"));
			new JdbcTemplate(dataSource).execute("CREATE SCHEMA " + schema);
			dataSource.close();
			dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			dataSource.setUsername(System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "hub"));
			dataSource.setPassword(System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "hub"));
		}
		else {
			dataSource.setJdbcUrl("jdbc:hsqldb:mem:" + schema);
			dataSource.setUsername("SA");
		}
		opened.add(dataSource);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return new Store(dataSource);
	}

	private static String fixture(String source) throws IOException {
		try (InputStream in = JdbcItemRepositoryIT.class
			.getResourceAsStream("/fixtures/reconciliation/" + source + ".json")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private static final class Store {

		final JdbcTemplate jdbc;

		final JdbcItemRepository repository;

		Store(DataSource dataSource) {
			this.jdbc = new JdbcTemplate(dataSource);
			this.repository = new JdbcItemRepository(this.jdbc,
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		}

		Reconciler reconciler(ItemRepository repository) {
			return new Reconciler(IdentificationRules.defaults(),
					new IdentifierNormalizer(PlaceholderBlocklist.defaults()), SourcePrecedence.defaults(), repository,
					Clock.fixed(T0, ZoneOffset.UTC));
		}

		ParsedRecords read(String source, String json) {
			return new CanonicalItemReader(Clock.fixed(T0, ZoneOffset.UTC))
				.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source);
		}

		IngestReport ingest(String source, String json) {
			return reconciler(this.repository).reconcile(source, read(source, json)).report();
		}

		long count(String table) {
			return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		}

	}

}
