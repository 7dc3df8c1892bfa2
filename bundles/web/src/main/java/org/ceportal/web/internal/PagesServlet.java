package org.ceportal.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the portal's pages from this bundle's {@code static/} folder at the site
 * root ({@code /api} belongs to the REST whiteboard, whose longer path wins).
 * Pages are revalidated on every visit (ETag of the content) so a new bundle version shows at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("ceportal-pages")
@HttpWhiteboardServletPattern("/*")
public final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private final transient Bundle bundle;
    private final transient Map<String, StaticFile> files = new ConcurrentHashMap<>();

    @Activate
    public PagesServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = StaticPaths.normalise(request.getPathInfo());
        StaticFile file = path == null ? null : file(path);
        securityHeaders(response);
        if (file == null) {
            notFound(response);
            return;
        }
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }

    /**
     * The page at the path, read from the bundle once: the bundle's files cannot change while this
     * servlet lives (a new version of the bundle is a new servlet), and only files that exist are kept,
     * so the memory is bounded by the bundle's {@code static/} folder (under 1 MB). Reading the bundle's
     * jar on every request serialised the requests on the archive.
     */
    private StaticFile file(String path) throws IOException {
        StaticFile known = files.get(path);
        if (known != null) {
            return known;
        }
        URL entry = bundle.getEntry("static" + path);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = entry.openStream()) {
            bytes = in.readAllBytes();
        }
        StaticFile file = new StaticFile(bytes, StaticPaths.contentType(path), etag(bytes));
        files.putIfAbsent(path, file);
        return file;
    }

    /** A strong validator of the content itself: the first 64 bits of its SHA-256. */
    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A page as served: its bytes, media type and validator. */
    private record StaticFile(byte[] bytes, String contentType, String etag) {
    }

    private void notFound(HttpServletResponse response) throws IOException {
        URL page = bundle.getEntry("static/404.html");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (page != null) {
            try (InputStream in = page.openStream(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CSP);
    }
}
