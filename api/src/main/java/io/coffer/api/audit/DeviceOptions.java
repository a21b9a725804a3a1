package io.coffer.api.audit;

import io.coffer.api.ApiException;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code file} device options of vault-api.md §8.2, parsed and validated. Invalid options fail the enable with
 * 400 and the reason, as Vault's enable does.
 *
 * @param filePath      {@code file_path} (alias {@code path}): a file path, {@code stdout} or {@code discard}
 * @param mode          {@code mode} as octal bits; 0 means "leave the file mode alone" ({@code "0000"})
 * @param logRaw        {@code log_raw}: write values in clear
 * @param hmacAccessor  {@code hmac_accessor}: hash token accessors (default true)
 * @param prefix        {@code prefix}: prepended to every line
 * @param elideLists    {@code elide_list_responses}: replace list {@code keys} with their count
 * @param skipTest      {@code skip_test}: do not write the test record on enable
 */
public record DeviceOptions(String filePath, int mode, boolean logRaw, boolean hmacAccessor, String prefix,
                            boolean elideLists, boolean skipTest) {

    static final String STDOUT = "stdout";
    static final String DISCARD = "discard";
    private static final int DEFAULT_MODE = 0600;
    private static final int MAX_MODE = 07777;

    /** Parses {@code options}; 400 with Vault's reason when one is missing or malformed. */
    public static DeviceOptions parse(Map<String, String> options) {
        String path = options.containsKey("file_path") ? options.get("file_path") : options.get("path");
        if (path == null) {
            throw ApiException.badRequest("\"file_path\" is required");
        }
        path = path.trim();
        if (path.isEmpty()) {
            throw ApiException.badRequest("file path is required");
        }
        if (path.equalsIgnoreCase(STDOUT)) {
            path = STDOUT;
        } else if (path.equalsIgnoreCase(DISCARD)) {
            path = DISCARD;
        }
        String format = options.getOrDefault("format", "json");
        if (!format.equals("json")) {
            throw ApiException.badRequest(format.equals("jsonx")
                    ? "format \"jsonx\" is not supported by this server; use \"json\""
                    : "unknown format type \"" + format + "\"");
        }
        return new DeviceOptions(path, mode(options.get("mode")), bool(options, "log_raw", false),
                bool(options, "hmac_accessor", true), options.getOrDefault("prefix", ""),
                bool(options, "elide_list_responses", false), bool(options, "skip_test", false));
    }

    private static int mode(String text) {
        if (text == null) {
            return DEFAULT_MODE;
        }
        try {
            int bits = Integer.parseInt(text.trim(), 8);
            if (bits < 0 || bits > MAX_MODE) {
                throw new NumberFormatException(text);
            }
            return bits;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("unable to parse 'mode': \"" + text + "\" is not an octal file mode");
        }
    }

    /** Go's strconv.ParseBool. */
    private static boolean bool(Map<String, String> options, String key, boolean fallback) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        switch (text) {
            case "1", "t", "T", "TRUE", "true", "True":
                return true;
            case "0", "f", "F", "FALSE", "false", "False":
                return false;
            default:
                throw ApiException.badRequest("unable to parse '" + key + "': invalid syntax \""
                        + text.toLowerCase(Locale.ROOT) + "\"");
        }
    }
}
