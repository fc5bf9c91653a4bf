package org.twinfold.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields that every sample of a generator contains. A simulator and the surrogate that replaces
 * it share one schema, so datasets of both can be compared field by field.
 */
public record Schema(List<Field> fields) {

    public Schema {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one field");
        }
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("field name '" + field.name() + "' appears twice in the schema");
            }
        }
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /** Returns the field with this name, or throws naming the fields that exist. */
    public Field field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no field '" + name + "' in schema; fields are " + names());
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }
}
