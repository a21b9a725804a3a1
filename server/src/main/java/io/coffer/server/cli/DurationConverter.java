package io.coffer.server.cli;

import io.coffer.api.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Duration flags as the CLI reads them ({@code ParseDurationSecond}): {@code 768h}, {@code 30m}, {@code 3600}. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return GoDuration.parseSeconds(value.trim());
    }
}
