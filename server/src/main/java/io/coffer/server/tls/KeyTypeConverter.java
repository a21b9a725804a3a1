package io.coffer.server.tls;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --key-type rsa|ec} case-insensitively. */
public final class KeyTypeConverter implements ITypeConverter<KeyType> {
    @Override
    public KeyType convert(String value) {
        try {
            return KeyType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
