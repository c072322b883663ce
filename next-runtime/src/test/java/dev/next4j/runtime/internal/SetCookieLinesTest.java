package dev.next4j.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.next4j.runtime.Cookie;
import dev.next4j.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link HttpBinding#write} sends each cookie of {@link Response#withCookie} as its own header line. */
class SetCookieLinesTest {
  @Test
  void everyCookieIsItsOwnSetCookieLine() throws IOException {
    Response response = Response.text("ok")
        .withCookie(Cookie.of("theme", "dark").withMaxAge(Duration.ofDays(1)).withPath("/"))
        .withCookie(Cookie.of("id", "a1").withHttpOnly(true))
        .withCookie(Cookie.delete("old"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> HttpBinding.write(new JdkExchange(exchange), response, true));
    server.start();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      List<String> cookieLines = Arrays.stream(raw.split("\r\n"))
          .filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
          .map(line -> line.substring(11).trim())
          .collect(Collectors.toList());
      assertThat(cookieLines).containsExactly(
          "theme=dark; Max-Age=86400; Path=/",
          "id=a1; HttpOnly",
          "old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    } finally {
      server.stop(0);
    }
  }
}
