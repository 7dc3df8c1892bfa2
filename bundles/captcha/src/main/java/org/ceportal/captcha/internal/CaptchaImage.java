package org.ceportal.captcha.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/**
 * Draws a digit code as a PNG with Java2D. The digits are strokes of our own on a
 * 4×6 grid, so no font needs to be installed on the server.
 *
 * <p>Made so that an off-the-shelf OCR with simple clean-up (grey, scale, threshold,
 * median, morphology; {@code benchmarks/captcha-ocr.sh}) reads almost none, while a
 * person reads them at a glance:
 * <ul>
 * <li>rounded, handwriting-like digits of different sizes, colours and tilts that
 *     touch their neighbours;
 * <li>two of the digits sit on a dark rounded tile, drawn by turning the colours over
 *     there, so they are light on dark while the others are dark on light: whatever
 *     one grey threshold does to the rest, those two come out as blobs or hollows;
 * <li>one wavy line, nearly as dark and wide as the digit strokes, runs through
 *     all digits (a grey threshold or a thin-line filter keeps it);
 * <li>pale digit fragments lie in the background;
 * <li>finally the whole picture is bent by two sine waves.
 * </ul>
 * The digits keep their shape and their order on one line; only the clutter around
 * them is random.
 */
final class CaptchaImage {
    static final int WIDTH = 150;
    static final int HEIGHT = 50;

    /** The digits as strokes on a grid x 0..4, y 0..6 (y downwards): rounded, like handwriting. */
    private static final Path2D[] PATHS = new Path2D[10];

    static {
        Path2D p = path(); // 0
        p.append(new Ellipse2D.Float(0.1f, 0, 3.8f, 6), false);
        PATHS[0] = p;
        p = path(); // 1
        p.moveTo(0.9, 1.2);
        p.lineTo(2.2, 0);
        p.lineTo(2.2, 6);
        p.moveTo(0.9, 6);
        p.lineTo(3.5, 6);
        PATHS[1] = p;
        p = path(); // 2
        p.moveTo(0.2, 1.4);
        p.curveTo(0.8, -0.5, 4.2, -0.4, 3.8, 1.9);
        p.curveTo(3.5, 3.3, 0.8, 4.6, 0, 6);
        p.lineTo(4, 6);
        PATHS[2] = p;
        p = path(); // 3
        p.moveTo(0.3, 0.8);
        p.curveTo(1.5, -0.5, 4.2, -0.1, 3.6, 1.6);
        p.curveTo(3.3, 2.6, 2.2, 2.9, 1.4, 2.9);
        p.curveTo(3.3, 2.9, 4.3, 3.7, 3.9, 4.9);
        p.curveTo(3.4, 6.5, 0.8, 6.4, 0, 5.2);
        PATHS[3] = p;
        p = path(); // 4
        p.moveTo(3, 6);
        p.lineTo(3, 0);
        p.lineTo(0, 4.2);
        p.lineTo(4, 4.2);
        PATHS[4] = p;
        p = path(); // 5
        p.moveTo(3.8, 0);
        p.lineTo(0.7, 0);
        p.lineTo(0.4, 2.7);
        p.curveTo(2, 1.7, 4.2, 2.3, 4, 4.2);
        p.curveTo(3.8, 6.3, 1, 6.4, 0, 5.2);
        PATHS[5] = p;
        p = path(); // 6
        p.moveTo(3.5, 0.3);
        p.curveTo(1.2, -0.6, 0, 1.6, 0, 4.2);
        p.append(new Ellipse2D.Float(0, 2.6f, 4, 3.4f), false);
        PATHS[6] = p;
        p = path(); // 7
        p.moveTo(0, 0);
        p.lineTo(4, 0);
        p.curveTo(2.6, 1.8, 1.6, 3.8, 1.3, 6);
        PATHS[7] = p;
        p = path(); // 8
        p.append(new Ellipse2D.Float(0.4f, 0, 3.2f, 2.8f), false);
        p.append(new Ellipse2D.Float(0, 2.8f, 4, 3.2f), false);
        PATHS[8] = p;
        p = path(); // 9: a 6 turned round
        p.append(PATHS[6].createTransformedShape(AffineTransform.getRotateInstance(Math.PI, 2, 3)), false);
        PATHS[9] = p;
    }

    private static Path2D path() {
        return new Path2D.Float();
    }

    /** A copy of the strokes of one digit, on the 4×6 grid. */
    static Path2D glyph(int digit) {
        return new Path2D.Float(PATHS[digit]);
    }

    private CaptchaImage() {
    }

    /** A {@code data:image/png;base64,} URL showing the digits. */
    static String dataUrl(String digits, RandomGenerator random) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(digits, random));
    }

    static byte[] png(String digits, RandomGenerator random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ImageIO.write(draw(digits, random), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage draw(String digits, RandomGenerator random) {
        int n = digits.length();
        if (n == 0) {
            throw new IllegalArgumentException("no digits");
        }
        for (int i = 0; i < n; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("digits only: " + digits);
            }
        }
        // n digits of 4 grid units plus the stroke next to each other, together at most 84% of the width
        float stroke = n <= 5 ? 3.6f : 3.0f;
        double unit = Math.min(5.6, (WIDTH * 0.84 - (n - 1) * stroke) / (4.0 * n));
        double step = 4 * unit + stroke;
        double block = (n - 1) * step + 4 * unit;
        double x0 = (WIDTH - block) / 2 + (random.nextDouble() - 0.5) * (WIDTH - block - 2 * stroke) * 0.5;
        double yMid = HEIGHT / 2.0;

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        AffineTransform[] place = new AffineTransform[n];
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            background(g, random);
            for (int i = 0; i < n; i++) {
                double size = unit * (0.85 + random.nextDouble() * 0.25);
                double sy = size * (0.95 + random.nextDouble() * 0.1);
                double sx = size * (0.8 + random.nextDouble() * 0.15);
                AffineTransform t = new AffineTransform();
                t.translate(x0 + i * step + (random.nextDouble() - 0.5) * stroke * 0.6,
                        yMid - 3 * sy + (random.nextDouble() - 0.5) * unit * 1.1);
                t.rotate((random.nextDouble() - 0.5) * 0.5, 2 * sx, 3 * sy);
                t.shear((random.nextDouble() - 0.5) * 0.35, 0);
                t.scale(sx, sy);
                place[i] = t;
                g.setColor(darkInk(random));
                g.setStroke(new BasicStroke(stroke + (random.nextFloat() - 0.3f) * 0.8f,
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(t.createTransformedShape(PATHS[digits.charAt(i) - '0']));
            }
            g.setColor(darkInk(random));
            g.setStroke(new BasicStroke(stroke * (0.6f + random.nextFloat() * 0.1f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(wavyLine(x0 - 6, x0 + block + 6, yMid, 6 * unit * 0.7, n, random));
        } finally {
            g.dispose();
        }
        invert(image, tiles(place, random));
        return warp(image, random);
    }

    /**
     * A smooth line from about left to about right that swings up and down across
     * middle, one swing per digit, at most span/2 away from it.
     */
    private static Path2D wavyLine(double left, double right, double middle, double span, int swings, RandomGenerator random) {
        double side = random.nextBoolean() ? 1 : -1;
        Path2D line = new Path2D.Double();
        double x = Math.max(0, left - random.nextDouble() * 10);
        double y = middle + side * span / 2 * random.nextDouble();
        line.moveTo(x, y);
        double dx = (Math.min(WIDTH, right + random.nextDouble() * 10) - x) / swings;
        for (int j = 0; j < swings; j++) {
            side = -side;
            double nextY = middle + side * span / 2 * (0.4 + 0.6 * random.nextDouble());
            line.curveTo(x + dx / 2, y, x + dx / 2, nextY, x + dx, nextY);
            x += dx;
            y = nextY;
        }
        return line;
    }

    /**
     * A mask (white where the colours are to be turned over) with a rounded tile under
     * two digits half the code apart (one for a single digit), tilted with the digit.
     */
    private static BufferedImage tiles(AffineTransform[] place, RandomGenerator random) {
        BufferedImage mask = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = mask.createGraphics();
        try {
            m.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            m.setColor(Color.WHITE);
            int n = place.length;
            int first = random.nextInt(n);
            RoundRectangle2D tile = new RoundRectangle2D.Double(-0.45, -0.45, 4.9, 6.9, 2.5, 2.5);
            m.fill(place[first].createTransformedShape(tile));
            // drawn into one mask, overlapping tiles (or the same twice) are turned over once
            m.fill(place[(first + n / 2) % n].createTransformedShape(tile));
        } finally {
            m.dispose();
        }
        return mask;
    }

    /** Turns the colours over (255 - value) where the mask is white, partly where it is grey. */
    private static void invert(BufferedImage image, BufferedImage mask) {
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] cover = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            int c = cover[i] & 255;
            if (c != 0) {
                int p = rgb[i];
                int q = ~p & 0xffffff;
                rgb[i] = c == 255 ? q : mix(p, q, c / 255.0);
            }
        }
    }

    /** A pale gradient with pale fragments of digits on it. */
    private static void background(Graphics2D g, RandomGenerator random) {
        g.setPaint(new GradientPaint(0, 0, pale(random, 240), WIDTH, HEIGHT, pale(random, 240)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 6; i++) {
            double unit = 3 + random.nextDouble() * 3;
            AffineTransform t = new AffineTransform();
            t.translate(random.nextDouble() * WIDTH - 2 * unit, random.nextDouble() * HEIGHT - 3 * unit);
            t.rotate(random.nextDouble() * Math.PI * 2, 2 * unit, 3 * unit);
            t.scale(unit, unit);
            g.setColor(pale(random, 150 + random.nextInt(40)));
            g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(t.createTransformedShape(PATHS[random.nextInt(10)]));
        }
    }

    /** A strong, dark colour (HSB brightness 25-50%) of any hue. */
    private static Color darkInk(RandomGenerator random) {
        return Color.getHSBColor(random.nextFloat(), 0.6f + random.nextFloat() * 0.4f, 0.25f + random.nextFloat() * 0.25f);
    }

    /** A light colour of about the given brightness (0-255) and any hue. */
    private static Color pale(RandomGenerator random, int brightness) {
        return Color.getHSBColor(random.nextFloat(), 0.05f + random.nextFloat() * 0.15f, brightness / 255f);
    }

    private static int mix(int p, int q, double f) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            out |= ((int) Math.round(((p >> shift) & 255) * (1 - f) + ((q >> shift) & 255) * f)) << shift;
        }
        return out;
    }

    /** Bends the picture: x moves with a sine of y and y with a sine of x (bilinear resampling). */
    private static BufferedImage warp(BufferedImage source, RandomGenerator random) {
        int[] src = ((DataBufferInt) source.getRaster().getDataBuffer()).getData();
        BufferedImage target = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        double ax = 1.5 + random.nextDouble() * 1.0;
        double fx = 2 * Math.PI / (70 + random.nextDouble() * 40);
        double px = random.nextDouble() * 2 * Math.PI;
        double ay = 2.5 + random.nextDouble() * 1.5;
        double fy = 2 * Math.PI / (60 + random.nextDouble() * 40);
        double py = random.nextDouble() * 2 * Math.PI;
        double[] shiftY = new double[WIDTH];
        for (int x = 0; x < WIDTH; x++) {
            shiftY[x] = ay * Math.sin(x * fy + py);
        }
        for (int y = 0; y < HEIGHT; y++) {
            double shiftX = ax * Math.sin(y * fx + px);
            for (int x = 0; x < WIDTH; x++) {
                dst[y * WIDTH + x] = sample(src, x + shiftX, y + shiftY[x]);
            }
        }
        return target;
    }

    private static int sample(int[] src, double x, double y) {
        x = Math.max(0, Math.min(WIDTH - 1.001, x));
        y = Math.max(0, Math.min(HEIGHT - 1.001, y));
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * WIDTH + x0;
        int a = src[i];
        int b = src[i + 1];
        int c = src[i + WIDTH];
        int d = src[i + WIDTH + 1];
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
            double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
            rgb |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return rgb;
    }
}
