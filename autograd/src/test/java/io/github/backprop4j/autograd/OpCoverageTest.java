package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.ops.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every op in the sealed catalogue must be reached by some gradient-check case (and every case is
 * a test of {@link OpGradCheckProperties}'s factory). Adding an op to {@code Op}'s permits list
 * without a case fails here.
 */
class OpCoverageTest {

    /** The op classes in the graph (forward and, via createGraph, backward) that each case builds. */
    private static Set<Class<?>> opsReachedByCases() {
        Set<Class<?>> reached = new LinkedHashSet<>();
        for (OpCases.OpCase c : OpCases.ALL.values()) {
            for (int[] shape : new int[][] {{2, 3, 2}, {3, 1}, {2}, {}}) {
                OpCases.Instance in = c.instance(shape, new Random(7));
                List<Variable> vars = new ArrayList<>();
                for (var t : in.inputs()) {
                    vars.add(Variable.parameter(t));
                }
                Variable y = in.f().apply(vars);
                reached.addAll(opClasses(y));
            }
        }
        return reached;
    }

    static Set<Class<?>> opClasses(Variable root) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Set<Function> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Function> todo = new ArrayDeque<>();
        if (root.gradFn() != null) {
            todo.push(root.gradFn());
        }
        while (!todo.isEmpty()) {
            Function f = todo.pop();
            if (!seen.add(f)) {
                continue;
            }
            classes.add(f.getClass());
            for (Variable in : f.inputs()) {
                if (in.gradFn() != null) {
                    todo.push(in.gradFn());
                }
            }
        }
        return classes;
    }

    @Test
    void everyCatalogueOpHasAGradientCheck() {
        Set<Class<?>> reached = opsReachedByCases();
        Set<String> missing = new TreeSet<>();
        for (Class<?> op : Op.class.getPermittedSubclasses()) {
            if (!reached.contains(op)) {
                missing.add(op.getSimpleName());
            }
        }
        assertTrue(missing.isEmpty(), "ops in the catalogue with no gradient check in OpCases: " + missing);
        assertTrue(Op.class.getPermittedSubclasses().length >= 30, "the catalogue lists its ops");
    }
}
