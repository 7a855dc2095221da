package io.rpcservices.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rpcservices.testing.MasterExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CurlTest {
  @RegisterExtension static final MasterExtension master = MasterExtension.builder().build();

  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @BeforeAll
  static void needsCurl() throws InterruptedException {
    assumeTrue(ProcessRun.available("curl"), "curl not found on the PATH: test skipped");
  }

  @Test
  void rawXmlRpcPushIsSeenByTheJavaClient() throws Exception {
    master.client().call("stack.create", "curl");

    ProcessRun run =
        post(
            "<?xml version=\"1.0\"?>\n"
                + "<methodCall>\n"
                + "  <methodName>stack.push</methodName>\n"
                + "  <params>\n"
                + "    <param><value><string>curl</string></value></param>\n"
                + "    <param><value><struct><member><name>n</name><value><i4>7</i4></value>"
                + "</member></struct></value></param>\n"
                + "  </params>\n"
                + "</methodCall>\n");

    assertThat(run)
        .isEqualTo(
            new ProcessRun(
                0,
                XML
                    + "<methodResponse><params><param><value><int>1</int></value></param>"
                    + "</params></methodResponse>",
                ""));
    assertThat(master.client().call("stack.pop", "curl")).isEqualTo(Map.of("n", 7));
  }

  @Test
  void untypedValueIsAString() throws Exception {
    ProcessRun run =
        post(
            "<?xml version=\"1.0\"?><methodCall><methodName>stack.create</methodName>"
                + "<params><param><value>plain</value></param></params></methodCall>");

    assertThat(run.out())
        .isEqualTo(
            XML
                + "<methodResponse><params><param><value><string>plain</string></value></param>"
                + "</params></methodResponse>");
  }

  @Test
  void faultComesBackAsAFaultStruct() throws Exception {
    master.client().call("stack.create", "empty");

    ProcessRun run =
        post(
            "<?xml version=\"1.0\"?><methodCall><methodName>stack.pop</methodName>"
                + "<params><param><value>empty</value></param></params></methodCall>");

    assertThat(run.out())
        .isEqualTo(
            XML
                + "<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>100</int></value></member>"
                + "<member><name>faultString</name><value><string>StackIndexError: stack 'empty'"
                + " is empty</string></value></member>"
                + "</struct></value></fault></methodResponse>");
  }

  private static ProcessRun post(String body) throws Exception {
    return ProcessRun.of(
        List.of(
            "curl",
            "--silent",
            "--show-error",
            "--header",
            "Content-Type: text/xml",
            "--data-binary",
            "@-",
            master.url() + "/RPC2"),
        body);
  }
}
