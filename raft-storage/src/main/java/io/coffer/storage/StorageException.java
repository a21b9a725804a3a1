package io.coffer.storage;

/** The storage layer could not do what was asked (no quorum, timeout, stopped, corrupt data). Never holds secrets. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
