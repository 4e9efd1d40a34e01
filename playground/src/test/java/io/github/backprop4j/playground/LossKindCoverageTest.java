package io.github.backprop4j.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.backprop4j.losses.LossKind;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The playground is a front end of the loss catalogue too: every {@link LossKind} entry is offered
 * on the explorer page with exactly the options the registry says it accepts (less PyTorch's legacy
 * {@code size_average}/{@code reduce}), and {@code /api/explain} answers it with a loss, not an error.
 */
class LossKindCoverageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LEGACY = Set.of("size_average", "reduce");
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** A valid input (and target where the loss takes one) in the explain literal syntax; the switch names every entry. */
    private static String query(LossKind kind) {
        String[] inputAndTarget = switch (kind) {
            case LOG_SOFTMAX, SOFTMAX -> new String[] {"[[1,2,3]]"};
            case NLL -> new String[] {"[[-1.2,-0.5,-2.0]]", "[1]"};
            case CROSS_ENTROPY -> new String[] {"[[1,2,3]]", "[2]"};
            case BCE -> new String[] {"[[0.2,0.7]]", "[[0,1]]"};
            case BCE_WITH_LOGITS, MULTILABEL_SOFT_MARGIN -> new String[] {"[[0.5,-1.0]]", "[[1,0]]"};
        };
        String q = "loss=" + kind.cliName() + "&input=" + URLEncoder.encode(inputAndTarget[0], StandardCharsets.UTF_8);
        return inputAndTarget.length == 1 ? q
                : q + "&target=" + URLEncoder.encode(inputAndTarget[1], StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void explainApiReachesEveryLoss(LossKind kind) throws Exception {
        HttpResponse<String> r = s.get("/api/explain?" + query(kind));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertTrue(answer.get("loss").asText().startsWith("tensor("), r.body());
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void explorerOffersEveryLossWithItsOptions(LossKind kind) {
        LossCatalog.Loss offered = LossCatalog.named(kind.cliName()).orElseThrow();
        assertEquals(kind, offered.op());
        assertEquals(kind.takesTarget(), offered.takesTarget());
        Set<String> expected = new TreeSet<>(kind.options());
        expected.removeAll(LEGACY);
        Set<String> actual = new TreeSet<>();
        offered.options().forEach(o -> actual.add(o.jsonName()));
        assertEquals(expected, actual, kind.cliName());
    }
}
