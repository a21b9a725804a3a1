package io.coffer.api.http;

import io.coffer.api.ApiException;
import java.util.Set;

/** Go's strconv.ParseBool, which Vault uses for query flags: 1,t,T,TRUE,true,True / 0,f,F,FALSE,false,False. */
public final class GoBool {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private GoBool() {
    }

    /** Parses {@code value}; 400 naming {@code field} when it is not a Go boolean. */
    public static boolean parse(String value, String field) {
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw ApiException.badRequest("invalid value for \"" + field + "\": " + value);
    }
}
