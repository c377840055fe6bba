package io.itsmhub.simulators.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimRequest;
import io.itsmhub.simulators.core.SimResponse;

/**
 * Serves a simulator on the JDK's own HTTP server, bound to 127.0.0.1 on a random free
 * port, for tests that need a real socket without a servlet container.
 *
 * <pre>
 * try (SimulatorServer server = SimulatorServer.start(new ServiceNowSimulator())) {
 *     String base = server.baseUrl(); // http://127.0.0.1:54321
 * }
 * </pre>
 */
public final class SimulatorServer implements AutoCloseable {

	static {
		// The JDK server writes headers and body separately; with Nagle's algorithm on,
		// the
		// body waits for the client's delayed ACK, about 40 ms per request. Read once
		// when
		// the first server starts, so set it before; an explicit setting is respected.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final PlatformSimulator simulator;

	private SimulatorServer(HttpServer server, ExecutorService executor, PlatformSimulator simulator) {
		this.server = server;
		this.executor = executor;
		this.simulator = simulator;
	}

	/**
	 * Starts a server for a simulator on 127.0.0.1 and a random port.
	 * @param simulator the simulator
	 * @return the running server; close it to stop
	 */
	public static SimulatorServer start(PlatformSimulator simulator) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			// A pool rather than one thread, so a delayed request does not hold up the
			// others, as on a real platform.
			ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "sim-" + simulator.platformId());
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			SimulatorServer result = new SimulatorServer(server, executor, simulator);
			server.createContext("/", result::exchange);
			server.start();
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The base URL, {@code http://127.0.0.1:<port>}, without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The port bound.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The simulator served.
	 * @return the simulator
	 */
	public PlatformSimulator simulator() {
		return this.simulator;
	}

	private void exchange(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			SimResponse answer = this.simulator
				.handle(SimRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, baseUrl()));
			if (answer.delivery() == SimResponse.Delivery.DROP_CONNECTION) {
				// Closing the exchange before any response headers were sent closes the
				// socket: the client sees the connection end without an answer.
				exchange.close();
				return;
			}
			answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
			byte[] bytes = answer.body();
			boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
			exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
			if (!noBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
