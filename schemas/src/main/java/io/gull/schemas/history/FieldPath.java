package io.gull.schemas.history;

import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer location of an incompatibility ({@code /fields/2/type/fields/0/type}) into the
 * field it names in the reader schema ({@code field DeviceRecord.credential.salt}).
 */
final class FieldPath {
    private FieldPath() {
    }

    /**
     * @param writerFragment the writer's schema at the location; names the branch when the writer has a union
     *        branch the reader lacks
     */
    static String describe(Schema reader, String location, Schema writerFragment) {
        try {
            return walk(reader, location, writerFragment);
        } catch (RuntimeException e) {
            return "at " + location;
        }
    }

    private static String walk(Schema reader, String location, Schema writerFragment) {
        StringBuilder path = new StringBuilder(reader.getName());
        boolean inField = false;
        Schema schema = reader;
        String[] steps = location.split("/");
        for (int i = 1; i < steps.length; i++) {
            String step = steps[i];
            if (step.equals("fields") && i + 1 < steps.length) {
                Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
                path.append('.').append(field.name());
                schema = field.schema();
                inField = true;
            } else if (step.equals("type")) {
                continue;
            } else if (step.equals("items")) {
                schema = schema.getElementType();
                path.append("[]");
            } else if (step.equals("values")) {
                schema = schema.getValueType();
                path.append("{}");
            } else if (schema.getType() == Schema.Type.UNION) {
                String branch = writerFragment != null && writerFragment.getType() == Schema.Type.UNION
                        ? writerFragment.getTypes().get(Integer.parseInt(step)).getName()
                        : step;
                return (inField ? "field " : "") + path + " (the writer's union branch " + branch + ")";
            } else {
                path.append(" (").append(step).append(')');
            }
        }
        return (inField ? "field " : "") + path;
    }
}
