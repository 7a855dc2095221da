package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.testing.MasterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PythonExamplesTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  @BeforeAll
  static void needsPython() throws InterruptedException {
    assumeTrue(ProcessRun.available("python3"), "python3 not found on the PATH: test skipped");
  }

  @Test
  void consumerPopsWhatTheProducerPushed() throws Exception {
    String url = master.url() + "/RPC2";
    String examples = ProcessRun.location("rpcservices.examples").resolve("python").toString();

    ProcessRun producer = ProcessRun.of(List.of("python3", examples + "/producer.py", url));
    ProcessRun consumer = ProcessRun.of(List.of("python3", examples + "/consumer.py", url));

    List<String> pushed = new ArrayList<>();
    List<String> popped = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pushed.add("pushed " + i + " (stack size " + (i + 1) + ")");
      popped.add("popped " + (9 - i));
    }
    popped.add("stack in is empty: StackIndexError: stack 'in' is empty");
    assertThat(producer).isEqualTo(new ProcessRun(0, String.join("\n", pushed) + "\n", ""));
    assertThat(consumer).isEqualTo(new ProcessRun(0, String.join("\n", popped) + "\n", ""));
    assertThat(master.client().call("stack.getSize", "in")).isEqualTo(0);
  }
}
