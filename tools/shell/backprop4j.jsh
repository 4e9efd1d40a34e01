// Loaded by `./backprop4j shell` after jshell's DEFAULT startup (which imports java.util.function.*
// and, like every Java file, java.lang.*). The wildcards bring the whole library; the two
// single-type imports win over java.lang.Module and java.util.function.Function, so `Module`
// and `Function` mean backprop4j's here, as in PyTorch.
import io.github.backprop4j.tensor.*;
import io.github.backprop4j.autograd.*;
import io.github.backprop4j.losses.*;
import io.github.backprop4j.nn.*;
import io.github.backprop4j.nn.data.*;
import io.github.backprop4j.nn.io.*;
import io.github.backprop4j.nn.metrics.*;
import io.github.backprop4j.nn.optim.*;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.autograd.Function;
