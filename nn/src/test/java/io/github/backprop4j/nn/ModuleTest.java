package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
    private static Sequential mlp(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(new Linear(4, 5, gen), new ReLU(), new Linear(5, 3, gen));
    }

    /** A module with its own parameter and a child, to see the naming order. */
    private static final class Block extends Module {
        final Variable scale = registerParameter("scale", Variable.parameter(Tensor.ones(3)));
        final Linear inner = registerModule("inner", new Linear(3, 3, new Generator(1)));

        @Override
        public Variable forward(Variable input) {
            return inner.forward(input).times(scale);
        }
    }

    @Test
    void parametersAreNamedWithDotsInRegistrationOrder() {
        Sequential model = mlp(0);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.stateDict().keySet()));
        Linear first = (Linear) model.get(0);
        assertSame(first.weight(), model.parameters().get(0));
        assertSame(first.bias(), model.parameters().get(1));
    }

    @Test
    void ownParametersComeBeforeChildrenAndNestingComposesNames() {
        Sequential model = new Sequential(new Block(), new Sequential(new Identity(), new Block()));
        assertEquals(List.of("0.scale", "0.inner.weight", "0.inner.bias", "1.1.scale", "1.1.inner.weight",
                "1.1.inner.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(6, model.parameters().size());
    }

    @Test
    void aSharedParameterIsListedOnceButSavedUnderEachName() {
        Linear shared = new Linear(2, 2, new Generator(3));
        Sequential model = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.stateDict().keySet()));
    }

    @Test
    void badRegistrationsAreRejected() {
        class Bad extends Module {
            @Override
            public Variable forward(Variable input) {
                return input;
            }

            void add(String name, Variable v) {
                registerParameter(name, v);
            }
        }
        Bad bad = new Bad();
        bad.add("w", Variable.parameter(Tensor.ones(1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bad.add("w", Variable.parameter(Tensor.ones(1))))
                .getMessage().contains("attribute 'w' already exists"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bad.add("a.b", Variable.parameter(Tensor.ones(1))))
                .getMessage().contains("can't contain \".\""));
        assertThrows(IllegalArgumentException.class, () -> bad.add("c", Variable.of(Tensor.ones(1))));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Dropout dropout = new Dropout(0.5, new Generator(0));
        Sequential model = new Sequential(new Linear(2, 2, new Generator(0)), new Sequential(dropout));
        assertTrue(dropout.isTraining());
        assertSame(model, model.eval());
        assertFalse(model.isTraining());
        assertFalse(dropout.isTraining());
        model.train();
        assertTrue(dropout.isTraining());
    }

    @Test
    void invokeIsForwardAndZeroGradClearsEveryParameter() {
        Sequential model = mlp(0);
        Variable x = Variable.of(Tensor.rand(new Generator(9), 3, 4));
        assertEquals(model.forward(x).value(), model.invoke(x).value());
        model.invoke(x).sum().backward();
        model.parameters().forEach(p -> assertNotNull(p.grad()));
        model.zeroGrad();
        model.parameters().forEach(p -> assertNull(p.grad()));
    }

    @Test
    void loadStateDictCopiesValuesAndConvertsDtype() {
        Sequential source = mlp(1);
        Sequential target = mlp(2);
        Map<String, Tensor> state = new LinkedHashMap<>();
        source.stateDict().forEach((k, v) -> state.put(k, v.to(DType.FLOAT64)));
        target.loadStateDict(state);
        target.stateDict().forEach((k, v) -> {
            assertEquals(DType.FLOAT32, v.dtype());
            assertEquals(source.stateDict().get(k), v, k);
        });
    }

    @Test
    void loadStateDictReportsEveryProblemAndChangesNothing() {
        Sequential model = mlp(1);
        Map<String, Tensor> before = model.stateDict();
        Map<String, Tensor> bad = new LinkedHashMap<>(mlp(2).stateDict());
        bad.remove("2.bias");
        bad.put("3.weight", Tensor.zeros(1));
        bad.put("0.weight", Tensor.zeros(5, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(bad));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tMissing key(s) in state_dict: \"2.bias\". \n"
                + "\tUnexpected key(s) in state_dict: \"3.weight\". \n"
                + "\tsize mismatch for 0.weight: copying a param with shape torch.Size([5, 3]) from checkpoint,"
                + " the shape in current model is torch.Size([5, 4]).", e.getMessage());
        assertEquals(before, model.stateDict(), "a failed load must not change any parameter");
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=4, out_features=5, bias=True)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=5, out_features=3, bias=True)\n"
                + ")", mlp(0).toString());
    }
}
