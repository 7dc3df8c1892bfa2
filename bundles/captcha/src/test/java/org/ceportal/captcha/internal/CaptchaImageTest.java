package org.ceportal.captcha.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.Test;

public class CaptchaImageTest {

    @Test
    public void everyAllowedLengthIsAPngOfThePictureSize() throws Exception {
        assertEquals(150, CaptchaImage.WIDTH); // login.html and portal.css show it at this size
        assertEquals(50, CaptchaImage.HEIGHT);
        SplittableRandom random = new SplittableRandom(3);
        for (String code : new String[] {"0000", "48213", "999999", "1234567", "90817263"}) {
            byte[] png = CaptchaImage.png(code, random);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(code, CaptchaImage.WIDTH, image.getWidth());
            assertEquals(code, CaptchaImage.HEIGHT, image.getHeight());
        }
    }

    @Test
    public void theSameRandomSequenceDrawsTheSamePictureAndAnotherOneAnother() {
        byte[] a = CaptchaImage.png("4821", new SplittableRandom(7));
        assertArrayEquals("the benchmark relies on seeded draws", a, CaptchaImage.png("4821", new SplittableRandom(7)));
        assertFalse(Arrays.equals(a, CaptchaImage.png("4821", new SplittableRandom(8))));
    }

    @Test
    public void onlyAsciiDigitsAreDrawn() {
        SplittableRandom random = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("", random));
        assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("12a4", random));
        assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("12 4", random));
        // digits to Character.isDigit, but not ours
        assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("\u0661\u0662\u0663\u0664", random));
    }

    @Test
    public void inkAndGroundAreFarApartInBrightness() {
        // Mostly a light ground with dark strokes: over many draws, 5-40% of the pixels
        // are dark (the strokes and the two dark tiles) and at least 40% light.
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 200; k++) {
            String code = String.valueOf(1000 + random.nextInt(9000)) + "0123".substring(0, k % 5);
            BufferedImage image = CaptchaImage.draw(code, random);
            int dark = 0;
            int light = 0;
            for (int y = 0; y < CaptchaImage.HEIGHT; y++) {
                for (int x = 0; x < CaptchaImage.WIDTH; x++) {
                    int p = image.getRGB(x, y);
                    double luma = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
                    if (luma < 100) {
                        dark++;
                    } else if (luma > 180) {
                        light++;
                    }
                }
            }
            double pixels = CaptchaImage.WIDTH * CaptchaImage.HEIGHT;
            assertTrue(code + " dark " + dark, dark / pixels > 0.05 && dark / pixels < 0.40);
            assertTrue(code + " light " + light, light / pixels > 0.40);
        }
    }

    @Test
    public void theTenDigitShapesFitTheGridAndDifferClearly() {
        BufferedImage[] drawn = new BufferedImage[10];
        for (int d = 0; d < 10; d++) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            double[] point = new double[6];
            for (PathIterator it = CaptchaImage.glyph(d).getPathIterator(null, 0.01); !it.isDone(); it.next()) {
                it.currentSegment(point);
                box[0] = Math.min(box[0], point[0]);
                box[1] = Math.min(box[1], point[1]);
                box[2] = Math.max(box[2], point[0]);
                box[3] = Math.max(box[3], point[1]);
            }
            assertTrue(d + " within x 0..4: " + Arrays.toString(box), box[0] >= -0.3 && box[2] <= 4.3);
            assertTrue(d + " within y 0..6: " + Arrays.toString(box), box[1] >= -0.3 && box[3] <= 6.3);
            assertTrue(d + " spans the height: " + Arrays.toString(box), box[3] - box[1] > 5.5);

            BufferedImage image = new BufferedImage(50, 70, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2f));
            g.draw(AffineTransform.getScaleInstance(10, 10).createTransformedShape(CaptchaImage.glyph(d)));
            g.dispose();
            drawn[d] = image;
        }
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                int differ = 0;
                for (int y = 0; y < 70; y++) {
                    for (int x = 0; x < 50; x++) {
                        if (drawn[a].getRaster().getSample(x, y, 0) != drawn[b].getRaster().getSample(x, y, 0)) {
                            differ++;
                        }
                    }
                }
                assertTrue(a + " and " + b + " differ in only " + differ + " pixels", differ > 200);
            }
        }
    }
}
