package io.itsmhub.app.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.sources.agent.AgentExchange;
import io.itsmhub.sources.agent.AgentProtocol;

/**
 * {@code POST /agent/}: what GLPI, FusionInventory and OCS agents send to their server
 * URL. The reply is whatever the protocol answers, compressed as the request was; an
 * inventory's records are ingested before the agent hears {@code ok}, so an agent that
 * got its answer knows its inventory is stored.
 */
@RestController
@ConditionalOnProperty(name = "hub.agents.enabled", havingValue = "true", matchIfMissing = true)
public class AgentController {

	private static final Logger log = LoggerFactory.getLogger(AgentController.class);

	private final AgentProtocol protocol;

	private final AgentCredential credential;

	private final IngestService ingest;

	private final String source;

	private final long maxBodySize;

	public AgentController(AgentProperties properties, IngestService ingest, PasswordEncoder encoder, Clock clock) {
		this.source = IngestService.checkSource(properties.source());
		this.protocol = new AgentProtocol(this.source, clock, properties.contactInterval());
		this.credential = new AgentCredential(properties, encoder);
		this.ingest = ingest;
		this.maxBodySize = properties.maxBodySize().toBytes();
	}

	/** {@code POST /agent/} (and {@code /agent}): one agent message. */
	@PostMapping(path = { "/agent", "/agent/" })
	public ResponseEntity<byte[]> report(HttpServletRequest request) throws IOException {
		if (!this.credential.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			// agents send no credential until asked: this header is what makes them retry
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"itsm-hub agents\"")
				.contentType(MediaType.TEXT_PLAIN)
				.body("an agent credential is required\n".getBytes(StandardCharsets.UTF_8));
		}
		byte[] body = readLimited(request);
		if (body == null) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.contentType(MediaType.TEXT_PLAIN)
				.body(("the body is larger than the limit of " + this.maxBodySize
						+ " bytes (hub.agents.max-body-size)\n")
					.getBytes(StandardCharsets.UTF_8));
		}
		AgentExchange exchange = this.protocol.handle(body, request.getContentType());
		if (exchange.hasRecords()) {
			this.ingest.ingestParsed(this.source, exchange.items(), "agent",
					exchange.query() + " from " + request.getRemoteAddr());
		}
		else if (exchange.status() != 200) {
			log.warn("Agent at {} sent a message the hub cannot read ({})", request.getRemoteAddr(), exchange.query());
		}
		return ResponseEntity.status(exchange.status())
			.header(HttpHeaders.CONTENT_TYPE, exchange.replyContentType())
			.body(exchange.reply());
	}

	/** The body, or {@code null} when it is over the limit. */
	private byte[] readLimited(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((declared > 0) ? (int) declared : 8192);
		byte[] buffer = new byte[65536];
		long total = 0;
		try (InputStream in = request.getInputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > this.maxBodySize) {
					return null;
				}
				out.write(buffer, 0, read);
			}
		}
		return out.toByteArray();
	}

}
