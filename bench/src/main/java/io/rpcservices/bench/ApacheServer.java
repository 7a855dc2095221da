package io.rpcservices.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.server.PropertyHandlerMapping;
import org.apache.xmlrpc.server.RequestProcessorFactoryFactory;
import org.apache.xmlrpc.server.XmlRpcServer;
import org.apache.xmlrpc.server.XmlRpcServerConfigImpl;
import org.apache.xmlrpc.webserver.WebServer;

/**
 * Apache ws-xmlrpc's own {@link WebServer} serving {@code stack.create/push/pop} and {@code
 * master.ping} with the same names and semantics as the master, keep-alive on.
 */
final class ApacheServer implements RunningServer {
  private final WebServer webServer;

  private ApacheServer(WebServer webServer) {
    this.webServer = webServer;
  }

  /** Starts the web server on 127.0.0.1 and a free port. */
  static ApacheServer start() throws IOException, XmlRpcException {
    Map<Class<?>, Object> handlers =
        Map.of(
            ApacheStackHandler.class, new ApacheStackHandler(),
            ApacheMasterHandler.class, new ApacheMasterHandler());
    PropertyHandlerMapping mapping = new PropertyHandlerMapping();
    // One shared handler instance per class, as the master's services are singletons too.
    RequestProcessorFactoryFactory singletons = type -> request -> handlers.get(type);
    mapping.setRequestProcessorFactoryFactory(singletons);
    mapping.addHandler("stack", ApacheStackHandler.class);
    mapping.addHandler("master", ApacheMasterHandler.class);

    WebServer webServer = new WebServer(0, InetAddress.getLoopbackAddress());
    XmlRpcServer server = webServer.getXmlRpcServer();
    server.setHandlerMapping(mapping);
    XmlRpcServerConfigImpl config = (XmlRpcServerConfigImpl) server.getConfig();
    config.setKeepAliveEnabled(true);
    config.setEnabledForExtensions(true);
    // With extensions on, Content-Length is only sent when it is not optional; keep-alive needs it.
    config.setContentLengthOptional(false);
    webServer.start();
    return new ApacheServer(webServer);
  }

  @Override
  public int port() {
    return webServer.getPort();
  }

  @Override
  public String path() {
    return "/RPC2";
  }

  @Override
  public void close() {
    webServer.shutdown();
  }
}
