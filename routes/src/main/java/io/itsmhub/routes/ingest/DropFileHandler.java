package io.itsmhub.routes.ingest;

/** What the file-drop route hands each file to. */
public interface DropFileHandler {

	/**
	 * Ingests one file of one source.
	 * @param source the source, the name of the file's folder
	 * @param fileName the file's name
	 * @param content the file's bytes
	 * @throws RuntimeException when nothing of the file can be read; the route moves it
	 * to {@code .failed} with the exception's message beside it
	 */
	void handle(String source, String fileName, byte[] content);

}
