package io.itsmhub.simulators.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimRequest;
import io.itsmhub.simulators.core.SimResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves a simulator from a servlet container, so the hub can mount it at
 * {@code /sim/<platform>/*} in its demo profile. The path below the servlet mapping is
 * the simulator's path; the servlet's own URL is the simulator's base URL.
 */
public class SimulatorServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient PlatformSimulator simulator;

	/**
	 * Creates the servlet.
	 * @param simulator the simulator to serve
	 */
	public SimulatorServlet(PlatformSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * The simulator this servlet serves.
	 * @return the simulator
	 */
	public PlatformSimulator simulator() {
		return this.simulator;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
		}
		byte[] body = request.getInputStream().readAllBytes();
		String base = request.getRequestURL().toString();
		String pathInfo = (request.getPathInfo() != null) ? request.getPathInfo() : "/";
		// The base URL is the request URL without the simulator's own path, so links the
		// simulator builds point back through the same mount.
		String baseUrl = base.endsWith(pathInfo) ? base.substring(0, base.length() - pathInfo.length()) : base;
		SimResponse answer = this.simulator
			.handle(SimRequest.of(request.getMethod(), pathInfo, request.getQueryString(), headers, body, baseUrl));
		if (answer.delivery() == SimResponse.Delivery.DROP_CONNECTION) {
			dropConnection(response);
			return;
		}
		response.setStatus(answer.status());
		answer.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		byte[] bytes = answer.body();
		response.setContentLength(bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = response.getOutputStream()) {
				out.write(bytes);
			}
		}
	}

	/**
	 * The servlet API cannot close a socket, so the drop is imitated: promise a body,
	 * send a part of it, and ask the container to close the connection. The client sees
	 * the stream end before the promised length, which is what a dropped connection looks
	 * like to it.
	 */
	private static void dropConnection(HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setHeader("Connection", "close");
		response.setContentType("application/json");
		response.setContentLength(1024);
		OutputStream out = response.getOutputStream();
		out.write("{\"result\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		response.flushBuffer();
	}

}
