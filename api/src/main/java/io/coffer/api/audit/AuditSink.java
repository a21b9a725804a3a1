package io.coffer.api.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Where one device's lines go: a file, standard output, or nowhere ({@code discard}). */
interface AuditSink extends AutoCloseable {

    /** Writes one complete line (newline included); throws when it could not be written. */
    void write(byte[] line) throws IOException;

    @Override
    void close();

    /** The sink for {@code options}; a file is opened lazily on the first write. */
    static AuditSink of(DeviceOptions options) {
        return switch (options.filePath()) {
            case DeviceOptions.DISCARD -> discard();
            case DeviceOptions.STDOUT -> stdout(System.out);
            default -> new FileSink(Path.of(options.filePath()), options.mode());
        };
    }

    static AuditSink discard() {
        return new AuditSink() {
            @Override
            public void write(byte[] line) {
                // the discard device records successfully without writing anything
            }

            @Override
            public void close() {
            }
        };
    }

    static AuditSink stdout(PrintStream out) {
        return new AuditSink() {
            @Override
            public void write(byte[] line) throws IOException {
                synchronized (out) {
                    out.write(line);
                    out.flush();
                    if (out.checkError()) {
                        throw new IOException("writing to standard output failed");
                    }
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
