package org.ceportal.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;

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
 * Pages are revalidated on every visit (ETag) so a new bundle version shows at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("ceportal-pages")
@HttpWhiteboardServletPattern("/*")
public final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private final transient Bundle bundle;

    @Activate
    public PagesServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = StaticPaths.normalise(request.getPathInfo());
        URL entry = path == null ? null : bundle.getEntry("static" + path);
        securityHeaders(response);
        if (entry == null) {
            notFound(response);
            return;
        }
        String etag = "\"" + Long.toHexString(bundle.getLastModified()) + "-" + Integer.toHexString(path.hashCode()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        URLConnection connection = entry.openConnection();
        response.setContentType(StaticPaths.contentType(path));
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
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
