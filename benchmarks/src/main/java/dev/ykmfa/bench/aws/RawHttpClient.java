package dev.ykmfa.bench.aws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over one keep-alive TCP connection (TCP_NODELAY), for load generation: far cheaper per
 * request than {@code java.net.http}, so the harness does not compete with the server for the two cores. Handles
 * Content-Length and chunked responses and reconnects when the server closes the connection. Not thread-safe: one
 * per client thread.
 */
public final class RawHttpClient implements Closeable {
    private static final int BUFFER = 16 * 1024;
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int HEX_RADIX = 16;

    private final InetSocketAddress address;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A response: status code and body text. */
    public record Response(int status, String body) {
    }

    /**
     * @param host loopback host
     * @param port server port
     */
    public RawHttpClient(String host, int port) {
        this.address = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
    }

    /** @return the value this client sends as {@code Host} (part of what SigV4 signs) */
    public String hostHeader() {
        return hostHeader;
    }

    /**
     * Sends {@code POST /} with the given extra header lines and form body, and reads the whole response.
     *
     * @param headerLines complete header lines without CRLF, e.g. {@code "X-Amz-Date: 2026..."}
     * @param body the form body
     * @return the response
     * @throws IOException when the exchange fails twice (once on a fresh connection)
     */
    public Response post(String[] headerLines, byte[] body) throws IOException {
        try {
            return exchange(headerLines, body);
        } catch (IOException e) {
            close();
            return exchange(headerLines, body);
        }
    }

    private Response exchange(String[] headerLines, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address);
            in = new BufferedInputStream(socket.getInputStream(), BUFFER);
            out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        }
        StringBuilder head = new StringBuilder(512);
        head.append("POST / HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (String h : headerLines) {
            head.append(h).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String status = readLine();
        if (status.isEmpty()) {
            throw new EOFException("connection closed before a status line");
        }
        int code = Integer.parseInt(status.substring(status.indexOf(' ') + 1, status.indexOf(' ') + 4));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine().trim(), HEX_RADIX); size > 0;
                    size = Integer.parseInt(readLine().trim(), HEX_RADIX)) {
                all.write(in.readNBytes(size));
                readLine();
            }
            readLine();
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes(length);
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, new String(body, StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != LF; c = in.read()) {
            if (c < 0) {
                return sb.toString();
            }
            if (c != CR) {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
