package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.Access;
import io.refguard.hook.FieldOf;
import org.junit.jupiter.api.Test;

/**
 * The one rule of dependence on targets: objects, fields of an object, every field of an object,
 * and an array's elements.
 */
class LocationsTest {

    private final Object object = new Object();
    private final Object other = new Object();
    private final FieldOf a = FieldOf.of(object, "a");
    private final FieldOf b = FieldOf.of(object, "b");
    private final FieldOf any = FieldOf.any(object);

    private static boolean dependent(Object x, Object y) {
        return Locations.dependent(x, Access.WRITE, y, Access.READ);
    }

    @Test
    void aFieldDependsOnItselfAndOnEveryFieldOfItsObject() {
        assertTrue(dependent(a, a));
        assertTrue(dependent(a, FieldOf.of(object, new String("a"))), "equal names, two parts");
        assertTrue(dependent(a, any));
        assertTrue(dependent(any, b));
        assertTrue(dependent(any, FieldOf.any(object)));
    }

    @Test
    void twoFieldsAndAFieldAndItsObjectCommute() {
        assertFalse(dependent(a, b));
        assertFalse(dependent(a, object), "a field and the object's monitor are different memory");
        assertFalse(dependent(any, object));
        assertFalse(dependent(a, FieldOf.of(other, "a")));
        assertFalse(dependent(any, FieldOf.any(other)));
    }

    @Test
    void anElementDependsOnItselfAndOnAllElementsNotOnAnotherIndex() {
        FieldOf all = FieldOf.of(object, "[]");
        FieldOf three = FieldOf.of(object, "[3]");
        assertTrue(dependent(three, FieldOf.of(object, "[3]")));
        assertTrue(dependent(three, all));
        assertTrue(dependent(all, three));
        assertTrue(dependent(three, any));
        assertFalse(dependent(three, FieldOf.of(object, "[4]")));
        assertFalse(dependent(three, FieldOf.of(object, "[30]")));
        assertFalse(dependent(three, a));
        assertFalse(dependent(all, a));
        assertFalse(dependent(three, FieldOf.of(other, "[]")));
    }

    @Test
    void readsCommuteAndAnUnknownTargetDependsOnEverything() {
        assertFalse(Locations.dependent(a, Access.READ, any, Access.READ));
        assertTrue(Locations.dependent(null, Access.READ, a, Access.READ));
        assertTrue(Locations.dependent(object, Access.UPDATE, null, Access.READ));
        assertTrue(Locations.dependent(object, Access.UPDATE, object, Access.READ));
        assertFalse(Locations.dependent(object, Access.UPDATE, other, Access.UPDATE));
    }
}
