package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import io.coffer.api.kv.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Duration flags as the CLI reads them ({@code ParseDurationSecond}): {@code 768h}, {@code 30m}, {@code 3600}. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return GoDuration.parseSeconds(TextNode.valueOf(value.trim()));
    }
}
