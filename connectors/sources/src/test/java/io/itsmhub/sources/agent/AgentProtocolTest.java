package io.itsmhub.sources.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.sources.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class AgentProtocolTest {

	private static final String FUSION = "samples/fusioninventory/";

	private final AgentProtocol protocol = new AgentProtocol("agent", SampleFiles.CLOCK);

	@Test
	void aZlibPrologIsAnsweredSendInZlib() {
		AgentExchange exchange = this.protocol.handle(
				SampleFiles.bytes(FUSION + "fusioninventory-protocol-01-prolog-request.zlib.bin"),
				"application/x-compress-zlib");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(exchange.query()).isEqualTo("PROLOG");
		assertThat(exchange.replyContentType()).isEqualTo("application/x-compress-zlib");
		assertThat(BodyEncoding.detect(exchange.reply())).isEqualTo(BodyEncoding.ZLIB);
		String reply = text(BodyEncoding.ZLIB.decode(exchange.reply()));
		assertThat(reply).contains("<REPLY>").contains("<RESPONSE>SEND</RESPONSE>").contains("<PROLOG_FREQ>24<");
		assertThat(exchange.hasRecords()).isFalse();
	}

	@Test
	void aPlainPrologIsAnsweredInPlainXml() {
		AgentExchange exchange = this.protocol
			.handle(SampleFiles.bytes(FUSION + "fusioninventory-protocol-01-prolog-request.xml"), "application/xml");
		assertThat(exchange.replyContentType()).isEqualTo("application/xml");
		assertThat(text(exchange.reply())).contains("<RESPONSE>SEND</RESPONSE>");
	}

	@Test
	void theCompressedInventoryIsReadWhateverTheContentTypeSays() {
		// mislabelled on purpose: the body's bytes decide
		AgentExchange exchange = this.protocol.handle(
				SampleFiles.bytes(FUSION + "fusioninventory-protocol-02-inventory-request.zlib.bin"),
				"application/xml");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(exchange.query()).isEqualTo("INVENTORY");
		assertThat(exchange.items().rejections()).isEmpty();
		assertThat(exchange.items().discoveredItems()).singleElement()
			.satisfies((item) -> assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS))
				.containsExactly("02:fc:00:00:00:01"));
		assertThat(text(BodyEncoding.ZLIB.decode(exchange.reply()))).contains("<REPLY>");
	}

	@Test
	void gzipBodiesAreReadAndAnsweredInGzip() {
		byte[] xml = SampleFiles.bytes(FUSION + "fusioninventory-2.6-inventory-local-trimmed.xml");
		AgentExchange exchange = this.protocol.handle(BodyEncoding.GZIP.encode(xml), null);
		assertThat(exchange.replyContentType()).isEqualTo("application/x-compress-gzip");
		assertThat(exchange.items().items()).hasSize(1);
		assertThat(BodyEncoding.detect(exchange.reply())).isEqualTo(BodyEncoding.GZIP);
	}

	@Test
	void aJsonContactIsAnsweredWithTheInventoryTask() throws IOException {
		String contact = "{\"action\":\"contact\",\"deviceid\":\"foo\",\"name\":\"GLPI-Agent\",\"version\":\"1.4\","
				+ "\"installed-tasks\":[\"inventory\",\"deploy\",\"collect\",\"netinventory\"],\"tag\":\"x\"}";
		AgentExchange exchange = this.protocol.handle(BodyEncoding.ZLIB.encode(contact.getBytes()),
				"application/x-compress-zlib");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(exchange.query()).isEqualTo("contact");
		JsonNode reply = json(BodyEncoding.ZLIB.decode(exchange.reply()));
		assertThat(reply.path("status").asText()).isEqualTo("ok");
		assertThat(reply.path("expiration").asInt()).isEqualTo(24);
		assertThat(reply.path("tasks").path("inventory").path("server").asText()).isEqualTo("glpi");
		assertThat(reply.path("disabled")).extracting(JsonNode::asText).containsExactlyInAnyOrder("deploy", "collect");
	}

	@Test
	void aJsonInventoryIsReadAndAnsweredOk() throws IOException {
		AgentExchange exchange = this.protocol.handle(
				SampleFiles.bytes("samples/glpi/inventory_format/examples_computer_2_partial_vms.json"),
				"application/json");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(exchange.replyContentType()).isEqualTo("application/json");
		assertThat(json(exchange.reply()).path("status").asText()).isEqualTo("ok");
		assertThat(exchange.items().items()).hasSize(7);
	}

	@Test
	void unreadableMessagesGetA400InTheAgentsProtocol() throws IOException {
		AgentExchange badJson = this.protocol.handle("{\"action\":".getBytes(), "application/json");
		assertThat(badJson.status()).isEqualTo(400);
		assertThat(json(badJson.reply()).path("message").asText()).isEqualTo("malformed json");
		assertThat(badJson.items().rejections()).hasSize(1);

		AgentExchange badXml = this.protocol.handle("<REQUEST><QUERY>".getBytes(), "application/xml");
		assertThat(badXml.status()).isEqualTo(400);
		assertThat(text(badXml.reply())).contains("<ERROR>malformed XML");

		AgentExchange unknown = this.protocol
			.handle("<REQUEST><QUERY>FOO</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8), "application/xml");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(text(unknown.reply())).contains("unsupported query 'FOO'");

		AgentExchange register = this.protocol.handle("{\"action\":\"register\"}".getBytes(), "application/json");
		assertThat(register.status()).isEqualTo(400);

		AgentExchange binary = this.protocol.handle(new byte[] { 1, 2, 3 }, null);
		assertThat(binary.status()).isEqualTo(400);
	}

	@Test
	void encodingIsDetectedFromMagicBytes() {
		byte[] xml = "<REQUEST/>".getBytes();
		assertThat(BodyEncoding.detect(xml)).isEqualTo(BodyEncoding.PLAIN);
		assertThat(BodyEncoding.detect(BodyEncoding.ZLIB.encode(xml))).isEqualTo(BodyEncoding.ZLIB);
		assertThat(BodyEncoding.detect(BodyEncoding.GZIP.encode(xml))).isEqualTo(BodyEncoding.GZIP);
		assertThat(BodyEncoding.decodeBody(BodyEncoding.GZIP.encode(xml))).isEqualTo(xml);
		assertThat(BodyEncoding.detect("{}".getBytes())).isEqualTo(BodyEncoding.PLAIN);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static JsonNode json(byte[] bytes) throws IOException {
		return new ObjectMapper().readTree(bytes);
	}

}
