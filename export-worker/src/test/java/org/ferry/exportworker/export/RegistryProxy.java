package org.ferry.exportworker.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the real registry that can break off: after {@code cutAfter} bytes from
 * the registry it closes every connection, as a registry that goes away mid-download does.
 */
final class RegistryProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicLong allowance;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  RegistryProxy(int port, String upstream, long cutAfter) {
    var hostAndPort = upstream.split(":");
    this.upstreamHost = hostAndPort[0];
    this.upstreamPort = Integer.parseInt(hostAndPort[1]);
    this.allowance = new AtomicLong(cutAfter);
    try {
      this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::accept);
  }

  /** A port nothing listens on now, for a proxy to take later or for a registry that is gone. */
  static int freePort() {
    try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        var registry = new Socket(upstreamHost, upstreamPort);
        sockets.add(client);
        sockets.add(registry);
        pump(client, registry, false);
        pump(registry, client, true);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean counted) {
    daemon(
        () -> {
          var buffer = new byte[16 * 1024];
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
              if (counted && allowance.addAndGet(-n) < 0) {
                closeAll();
                return;
              }
              out.write(buffer, 0, n);
            }
          } catch (IOException e) {
            // One side closed; the other follows.
          } finally {
            close(from);
            close(to);
          }
        });
  }

  private static void daemon(Runnable task) {
    var thread = new Thread(task, "registry-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  private void closeAll() {
    sockets.forEach(RegistryProxy::close);
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    closeAll();
  }
}
