package org.ceportal.captcha.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/**
 * Draws a digit code as a PNG with Java2D. The digits are strokes of our own on a
 * 4×6 grid, so no font needs to be installed on the server; each is rotated, moved
 * and drawn with its own width, over noise lines and dots.
 */
final class CaptchaImage {
    static final int WIDTH = 120;
    static final int HEIGHT = 40;

    /** Polylines per digit on a grid x 0..4, y 0..6 (y downwards). */
    private static final int[][][] DIGITS = {
        {{0, 0, 4, 0, 4, 6, 0, 6, 0, 0}, {4, 0, 0, 6}},
        {{1, 1, 2, 0, 2, 6}, {1, 6, 3, 6}},
        {{0, 0, 4, 0, 4, 3, 0, 3, 0, 6, 4, 6}},
        {{0, 0, 4, 0, 4, 6, 0, 6}, {1, 3, 4, 3}},
        {{3, 6, 3, 0, 0, 4, 4, 4}},
        {{4, 0, 0, 0, 0, 3, 4, 3, 4, 6, 0, 6}},
        {{4, 0, 0, 0, 0, 6, 4, 6, 4, 3, 0, 3}},
        {{0, 0, 4, 0, 1, 6}},
        {{0, 0, 4, 0, 4, 6, 0, 6, 0, 0}, {0, 3, 4, 3}},
        {{4, 3, 0, 3, 0, 0, 4, 0, 4, 6, 0, 6}},
    };

    private CaptchaImage() {
    }

    /** A {@code data:image/png;base64,} URL showing the digits. */
    static String dataUrl(String digits, RandomGenerator random) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(digits, random));
    }

    static byte[] png(String digits, RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(236 + random.nextInt(20), 240 + random.nextInt(16), 246 + random.nextInt(10)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 5; i++) {
                g.setColor(new Color(120 + random.nextInt(100), 120 + random.nextInt(100), 140 + random.nextInt(100)));
                g.setStroke(new BasicStroke(1f));
                g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
            }
            float slot = (WIDTH - 12f) / digits.length();
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    throw new IllegalArgumentException("digits only: " + digits);
                }
                double scale = 3.2 + random.nextDouble() * 0.6;
                AffineTransform t = new AffineTransform();
                t.translate(8 + i * slot + random.nextDouble() * 6, 6 + random.nextDouble() * 6);
                t.rotate((random.nextDouble() - 0.5) * 0.6, 2 * scale, 3 * scale);
                t.shear((random.nextDouble() - 0.5) * 0.3, 0);
                t.scale(scale, scale);
                Path2D path = new Path2D.Double();
                for (int[] line : DIGITS[d]) {
                    path.moveTo(line[0], line[1]);
                    for (int p = 2; p < line.length; p += 2) {
                        path.lineTo(line[p], line[p + 1]);
                    }
                }
                g.setColor(new Color(random.nextInt(90), random.nextInt(70), 60 + random.nextInt(100)));
                g.setStroke(new BasicStroke(2.2f + random.nextFloat() * 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(t.createTransformedShape(path));
            }
            for (int i = 0; i < 60; i++) {
                g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1, 1);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
