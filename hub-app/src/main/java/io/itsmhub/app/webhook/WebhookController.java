package io.itsmhub.app.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.app.ingest.IngestProperties;
import io.itsmhub.app.ingest.IngestService;

/**
 * {@code POST /webhooks/{source}}: canonical items from a source that signs its requests
 * (HMAC-SHA256 over timestamp and body, five-minute replay window). The items are
 * reconciled at once and pushed to the integrations that push on ingest within seconds. A
 * bad signature or a replay gets 401 and changes nothing.
 */
@RestController
public class WebhookController {

	private final IngestService ingest;

	private final WebhookProperties properties;

	private final WebhookSignature signature;

	private final long maxBodySize;

	public WebhookController(IngestService ingest, WebhookProperties properties, WebhookSignature signature,
			IngestProperties ingestProperties) {
		this.ingest = ingest;
		this.properties = properties;
		this.signature = signature;
		this.maxBodySize = ingestProperties.maxBodySize().toBytes();
	}

	@PostMapping("/webhooks/{source}")
	public ResponseEntity<Object> receive(@PathVariable String source, HttpServletRequest request) throws IOException {
		WebhookProperties.Source configured = this.properties.sources().get(source);
		if (configured == null || configured.secret() == null || configured.secret().isBlank()) {
			// the same answer as a bad signature: do not tell strangers which sources
			// exist
			throw new WebhookSignature.InvalidSignatureException("unknown source or bad signature");
		}
		if (request.getContentLengthLong() > this.maxBodySize) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
		if (body.length > this.maxBodySize) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
		}
		this.signature.verify(configured.secret(), request.getHeader(WebhookSignature.HEADER), body);
		IngestService.Outcome outcome = this.ingest.ingestCanonical(source, body, "webhook");
		return ResponseEntity.accepted()
			.contentType(MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("runId", outcome.runId(), "received", outcome.report().received(), "accepted",
					outcome.report().accepted(), "rejections", outcome.report().rejections()));
	}

	@ExceptionHandler(WebhookSignature.InvalidSignatureException.class)
	ResponseEntity<ProblemDetail> unauthorized(WebhookSignature.InvalidSignatureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
