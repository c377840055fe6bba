package io.itsmhub.api.target;

/** A call to a platform failed as a whole. */
public class TargetException extends RuntimeException {

	private final TargetFailure failure;

	public TargetException(TargetFailure failure) {
		this(failure, null);
	}

	public TargetException(TargetFailure failure, Throwable cause) {
		super(failure.kind() + ((failure.httpStatus() != null) ? " (HTTP " + failure.httpStatus() + ")" : "") + ": "
				+ failure.message(), cause);
		this.failure = failure;
	}

	public TargetFailure failure() {
		return this.failure;
	}

}
