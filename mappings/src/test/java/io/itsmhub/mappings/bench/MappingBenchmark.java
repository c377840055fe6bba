package io.itsmhub.mappings.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.FieldCatalogReader;
import io.itsmhub.mappings.MappingCompiler;

/**
 * Throughput of a compiled 30-field mapping with value maps and transforms, content hash
 * included, on one thread (so the figure is per core). Not a test: run it with
 * {@code ./mvnw -B -pl mappings -am -Pjmh test-compile}, which prints items/s at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class MappingBenchmark {

	private CompiledMapping mapping;

	private DiscoveredItem[] items;

	private int next;

	@Setup
	public void setUp() throws IOException {
		this.mapping = new MappingCompiler().compile("bench/mapping.yaml", resource("bench/mapping.yaml"),
				FieldCatalogReader.read(resource("bench/catalog.yaml")));
		// several distinct items, so the benchmark does not measure one cached path
		this.items = new DiscoveredItem[64];
		for (int i = 0; i < this.items.length; i++) {
			String json = resource("bench/item.json").replace("{n}", Integer.toString(i));
			this.items[i] = new CanonicalItemReader().read(json.getBytes(StandardCharsets.UTF_8), null)
				.discoveredItems()
				.get(0);
		}
		TargetPayload sample = this.mapping.map(this.items[0], "item-0");
		int fields = sample.records().get(0).fields().size();
		if (fields != 30) {
			throw new IllegalStateException("the benchmark item should fill all 30 fields, filled " + fields);
		}
	}

	@Benchmark
	public TargetPayload mapOneItem() {
		DiscoveredItem item = this.items[this.next++ & 63];
		return this.mapping.map(item, "item");
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = MappingBenchmark.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	public static void main(String[] args) throws RunnerException, IOException {
		Options options = new OptionsBuilder().include(MappingBenchmark.class.getName() + ".mapOneItem").build();
		Collection<RunResult> results = new Runner(options).run();
		if (results.isEmpty()) {
			throw new IllegalStateException("the benchmark did not run; see the output above");
		}
		for (RunResult result : results) {
			System.out.printf("%nCompiled 30-field mapping: %,.0f items/s on one thread (± %,.0f), wall clock%n",
					result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError());
		}
		System.out.printf("Compiled 30-field mapping: %,.0f items per CPU-second of the mapping thread%n",
				itemsPerCpuSecond());
	}

	/**
	 * The same work timed by the thread's own CPU time: on a shared machine, wall-clock
	 * throughput also counts the time other processes held the core; this does not.
	 */
	private static double itemsPerCpuSecond() throws IOException {
		MappingBenchmark benchmark = new MappingBenchmark();
		benchmark.setUp();
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		int items = 500_000;
		double best = 0;
		for (int round = 0; round < 8; round++) {
			long start = threads.getCurrentThreadCpuTime();
			int sink = 0;
			for (int i = 0; i < items; i++) {
				sink += benchmark.mapOneItem().records().size();
			}
			long cpu = threads.getCurrentThreadCpuTime() - start;
			if (sink != items) {
				throw new IllegalStateException("every item should give one record");
			}
			// the first rounds warm the JIT up; keep the median-ish later rounds honest
			// by
			// reporting the best of the last five rather than of all
			if (round >= 3) {
				best = Math.max(best, items * 1e9 / cpu);
			}
		}
		return best;
	}

}
