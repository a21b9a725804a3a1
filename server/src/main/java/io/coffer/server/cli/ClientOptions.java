package io.coffer.server.cli;

import io.coffer.api.GoDuration;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code vault} CLI's general options (its "HTTP Options" and "Output Options") with their environment
 * variables, shared by every client command as a picocli mixin. Flags win over the environment; the environment
 * comes from the injected {@link CliEnvironment}, never from {@link System#getenv} directly.
 */
public final class ClientOptions {

    static final String DEFAULT_ADDRESS = "https://127.0.0.1:8200";
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final CliEnvironment env;

    @Option(names = {"-address", "--address"}, paramLabel = "ADDR",
            description = "Address of the Vault server (VAULT_ADDR; default " + DEFAULT_ADDRESS + ").")
    private String address;

    @Option(names = {"-ca-cert", "--ca-cert"}, paramLabel = "FILE",
            description = "PEM CA certificate(s) to verify the server with (VAULT_CACERT).")
    private String caCert;

    @Option(names = {"-ca-path", "--ca-path"}, paramLabel = "DIR",
            description = "Directory of PEM CA certificates; wins over -ca-cert (VAULT_CAPATH).")
    private String caPath;

    @Option(names = {"-client-cert", "--client-cert"}, paramLabel = "FILE",
            description = "PEM client certificate for TLS authentication (VAULT_CLIENT_CERT).")
    private String clientCert;

    @Option(names = {"-client-key", "--client-key"}, paramLabel = "FILE",
            description = "PEM private key matching -client-cert (VAULT_CLIENT_KEY).")
    private String clientKey;

    @Option(names = {"-tls-skip-verify", "--tls-skip-verify"}, arity = "0..1", paramLabel = "BOOL",
            description = "Do not verify the server certificate; not recommended (VAULT_SKIP_VERIFY).")
    private Boolean skipVerify;

    @Option(names = {"-namespace", "--namespace", "-ns"}, paramLabel = "NS",
            description = "Namespace header to send (VAULT_NAMESPACE).")
    private String namespace;

    @Option(names = {"-header", "--header"}, paramLabel = "K=V", description = "Extra HTTP header (repeatable).")
    private Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = {"-disable-redirects", "--disable-redirects"}, arity = "0..1", paramLabel = "BOOL",
            description = "Do not follow redirects (VAULT_DISABLE_REDIRECTS).")
    private Boolean disableRedirects;

    @Option(names = {"-format", "--format"}, paramLabel = "FORMAT",
            description = "Output format: table or json (VAULT_FORMAT; default table).")
    private String format;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** For picocli's default factory: the real process environment. */
    public ClientOptions() {
        this(CliEnvironment.system());
    }

    /** For {@link CliFactory}: an injected environment. */
    public ClientOptions(CliEnvironment env) {
        this.env = env;
    }

    public CliEnvironment env() {
        return env;
    }

    /** {@code -format}, else VAULT_FORMAT, else {@code table}; lower-cased. */
    public String format() {
        String chosen = format != null ? format : env.getOr("VAULT_FORMAT", "table");
        return chosen.toLowerCase(Locale.ROOT);
    }

    /** A client for this run; fails as the CLI does when the address, TLS files or variables are unusable. */
    public VaultClient client() throws ClientException {
        return new VaultClient(config());
    }

    ClientConfig config() throws ClientException {
        URI uri = parseAddress(address != null ? address : env.getOr("VAULT_ADDR", DEFAULT_ADDRESS));
        boolean insecure = skipVerify != null ? skipVerify : bool("VAULT_SKIP_VERIFY");
        boolean noRedirects = disableRedirects != null ? disableRedirects : bool("VAULT_DISABLE_REDIRECTS");
        String ca = caCert != null ? caCert : env.getOr("VAULT_CACERT", "");
        String capath = caPath != null ? caPath : env.getOr("VAULT_CAPATH", "");
        String cert = clientCert != null ? clientCert : env.getOr("VAULT_CLIENT_CERT", "");
        String key = clientKey != null ? clientKey : env.getOr("VAULT_CLIENT_KEY", "");
        String ns = namespace != null ? namespace : env.getOr("VAULT_NAMESPACE", "");
        return new ClientConfig(uri, token(), ns, headers, ClientTls.context(ca, capath, cert, key, insecure),
                maxRetries(), timeout(), noRedirects);
    }

    /** VAULT_TOKEN, else the contents of {@code ~/.vault-token} (the default token helper), else none. */
    private String token() throws ClientException {
        String fromEnv = env.getOr("VAULT_TOKEN", "").trim();
        if (!fromEnv.isEmpty()) {
            return fromEnv;
        }
        Path helperFile = env.home().resolve(".vault-token");
        if (!Files.isRegularFile(helperFile)) {
            return "";
        }
        try {
            return Files.readString(helperFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ClientException("error reading token from " + helperFile + ": " + e.getMessage(), e);
        }
    }

    private static URI parseAddress(String raw) throws ClientException {
        try {
            URI uri = new URI(raw.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ClientException("error parsing address \"" + raw + "\": expected http(s)://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ClientException("error parsing address \"" + raw + "\": " + e.getMessage(), e);
        }
    }

    private boolean bool(String variable) throws ClientException {
        String value = env.getOr(variable, "");
        if (value.isEmpty() || FALSE.contains(value)) {
            return false;
        }
        if (TRUE.contains(value)) {
            return true;
        }
        throw new ClientException("could not parse " + variable);
    }

    private int maxRetries() throws ClientException {
        String value = env.getOr("VAULT_MAX_RETRIES", "2");
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new ClientException("could not parse VAULT_MAX_RETRIES", e);
        }
    }

    private Duration timeout() throws ClientException {
        String value = env.getOr("VAULT_CLIENT_TIMEOUT", "60");
        try {
            Duration parsed = GoDuration.parseSeconds(value.trim());
            return parsed.isZero() || parsed.isNegative() ? Duration.ofSeconds(60) : parsed;
        } catch (IllegalArgumentException e) {
            throw new ClientException("could not parse VAULT_CLIENT_TIMEOUT", e);
        }
    }
}
