package io.itsmhub.app.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.itsmhub.app.HubClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real FusionInventory agent (Debian package {@code fusioninventory-agent}, which CI
 * installs) reports the machine it runs on to the hub, and the machine appears as one
 * item with its MACs, hostname, OS and (when the machine has one) its UUID.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:hsqldb:mem:fusioninventory-agent-it")
@ActiveProfiles("it")
class FusionInventoryAgentIT {

	private static final Path AGENT = Path.of("/usr/bin/fusioninventory-agent");

	@LocalServerPort
	int port;

	@BeforeAll
	static void agentInstalled() {
		// only skipped on a workstation without the package: CI installs it (.ci/run)
		assumeTrue(Files.isExecutable(AGENT),
				"fusioninventory-agent is not installed (apt-get install " + "fusioninventory-agent); CI installs it");
	}

	@Test
	void theMachineTheAgentRanOnAppearsAsOneItem() throws Exception {
		Path work = Files.createDirectories(Path.of("target/fusioninventory-agent-it"));
		Path conf = Files.writeString(work.resolve("agent.cfg"),
				"# empty: every setting comes from the command line\n");
		Path log = work.resolve("agent.log");
		List<String> command = List.of(AGENT.toString(), "--conf-file=" + conf.toAbsolutePath(),
				"--server=http://127.0.0.1:" + this.port + "/agent/", "--user=agent", "--password=demo",
				"--tasks=inventory", "--force", "--no-httpd", "--logger=stderr", "--debug", "--timeout=60",
				"--backend-collect-timeout=30",
				// the slow and irrelevant categories: the test is about identity
				"--no-category=software,process,environment,user,local_user,local_group,printer,usb,"
						+ "antivirus,licenseinfo,remote_mgmt,slot,sound,video,input,modem,port,battery,"
						+ "firewall,provider,psu,database");
		Process agent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!agent.waitFor(180, TimeUnit.SECONDS)) {
			agent.destroyForcibly();
			throw new AssertionError("fusioninventory-agent did not finish within 180 s; its log:\n" + tail(log));
		}
		String agentLog = tail(log);
		assertThat(agent.exitValue()).as(agentLog).isZero();
		// the agent first sends without the credential, is asked for it, and retries
		assertThat(agentLog).as(agentLog).doesNotContainIgnoringCase("authentication required, no credentials");

		HubClient hub = new HubClient(this.port);
		JsonNode items = hub.get("/api/items?page=0&size=10", "viewer").json();
		assertThat(items.get("total").asInt()).as(agentLog).isEqualTo(1);
		String id = items.at("/items/0/id").asText();
		JsonNode item = hub.get("/api/items/" + id, "viewer").json();

		String hostname = hostname();
		assertThat(texts(item.at("/identifiers/hostname"))).as(item.toPrettyString())
			.containsExactly(hostname.toLowerCase(Locale.ROOT));
		assertThat(texts(item.at("/identifiers/mac_address"))).as(item.toPrettyString())
			.containsExactlyInAnyOrderElementsOf(physicalMacs());
		assertThat(item.at("/attributes/os").asText()).as(item.toPrettyString()).isNotBlank();
		String os = Files.readString(Path.of("/etc/os-release"));
		assertThat(os.toLowerCase(Locale.ROOT))
			.contains(item.at("/attributes/os").asText().toLowerCase(Locale.ROOT).split(" ")[0]);
		Path uuid = Path.of("/sys/class/dmi/id/product_uuid");
		if (Files.isReadable(uuid)) {
			assertThat(texts(item.at("/identifiers/uuid"))).as(item.toPrettyString())
				.containsExactly(Files.readString(uuid).trim().toLowerCase(Locale.ROOT));
		}

		// and the run record says so
		JsonNode runs = hub.get("/api/sources/agent/runs", "viewer").json();
		assertThat(runs.get(0).get("origin").asText()).isEqualTo("agent");
		assertThat(runs.get(0).get("rejected").asInt()).as(runs.toPrettyString()).isZero();
	}

	/**
	 * The MACs of the machine's network cards: every non-loopback interface with a device
	 * behind it. Virtual interfaces (bridges, veth, ifb, tunnels under
	 * {@code /sys/devices/virtual}) are left out on purpose: their MACs are random or
	 * shared and would join unrelated machines.
	 */
	private static Set<String> physicalMacs() throws IOException {
		Set<String> macs = new TreeSet<>();
		try (Stream<Path> interfaces = Files.list(Path.of("/sys/class/net"))) {
			for (Path iface : interfaces.toList()) {
				Path address = iface.resolve("address");
				if (iface.getFileName().toString().equals("lo") || !Files.exists(iface.resolve("device"))
						|| !Files.isReadable(address)) {
					continue;
				}
				String mac = Files.readString(address).trim().toLowerCase(Locale.ROOT);
				if (!mac.isEmpty() && !mac.equals("00:00:00:00:00:00")) {
					macs.add(mac);
				}
			}
		}
		return macs;
	}

	private static String hostname() throws IOException, InterruptedException {
		Process process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
		String name = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor(10, TimeUnit.SECONDS);
		// the short name: the agent reports the host name, the domain goes to fqdn
		int dot = name.indexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asText()));
		return values;
	}

	private static String tail(Path log) throws IOException {
		if (!Files.exists(log)) {
			return "(no log)";
		}
		String text = Files.readString(log, StandardCharsets.ISO_8859_1);
		return (text.length() > 20000) ? text.substring(text.length() - 20000) : text;
	}

}
