package io.gull.cli.query;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets picocli reject a bad {@code --since} as a usage error. */
public final class SinceConverter implements ITypeConverter<Since> {
    @Override
    public Since convert(String value) {
        try {
            return Since.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
