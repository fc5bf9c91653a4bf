package org.twinfold.core.dataset;

import java.util.List;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;

/** A schema field as written in manifests: the element type by its NumPy name. */
public record FieldEntry(String name, List<Integer> shape, String dtype, String unit, String description) {

    public static FieldEntry of(Field field) {
        return new FieldEntry(field.name(), field.shape(), field.type().numpyName(), field.unit(),
                field.description());
    }

    public Field toField() {
        return new Field(name, shape, ElementType.fromNumpyName(dtype), unit, description);
    }
}
