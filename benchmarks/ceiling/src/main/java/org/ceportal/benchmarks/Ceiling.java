package org.ceportal.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The read benchmarks' ceiling: Jetty 12 alone, one handler answering every request with the same
 * small JSON body — no servlet, no JAX-RS, no database. {@code java -cp … Ceiling PORT}; stops with
 * the process.
 */
public final class Ceiling {
    /** About the size of the portal's small reference answers. */
    static final byte[] BODY = ("{\"status\":\"UP\",\"name\":\"ceiling\",\"items\":[{\"code\":\"410000\",\"name\":\"河南省\"},"
            + "{\"code\":\"410100\",\"name\":\"郑州市\"},{\"code\":\"410300\",\"name\":\"洛阳市\"}]}").getBytes(StandardCharsets.UTF_8);

    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new QueuedThreadPool(200));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.start();
        System.out.println("ceiling listening on " + connector.getLocalPort());
        server.join();
    }
}
