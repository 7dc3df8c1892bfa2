package org.ceportal.captcha.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Helper of {@code benchmarks/captcha-ocr.sh} (not a test, and not run by the build):
 * writes captchas with known answers as PNG files and times the drawing.
 *
 * <pre>java org.ceportal.captcha.internal.CaptchaSamples DIR COUNT DIGITS SEED</pre>
 *
 * Writes {@code DIR/NNNN.png} and {@code DIR/answers.txt} (one {@code NNNN answer} a line),
 * then draws 2000 more captchas (after 500 for warming up the JIT) and prints one line
 * {@code draw_us mean=.. p50=.. p99=.. max=..}: microseconds per
 * {@link CaptchaImage#png} call, i.e. drawing plus PNG encoding, on this thread.
 * The benchmark compiles this file together with CaptchaImage.java with plain javac,
 * so it needs no Maven and always measures the current source.
 */
public final class CaptchaSamples {
    private CaptchaSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CaptchaSamples DIR COUNT DIGITS SEED");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int digits = Integer.parseInt(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        Files.createDirectories(dir);
        try (Writer answers = Files.newBufferedWriter(dir.resolve("answers.txt"), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                String code = code(random, digits);
                String name = String.format("%04d", i);
                Files.write(dir.resolve(name + ".png"), CaptchaImage.png(code, random));
                answers.write(name + " " + code + "\n");
            }
        }
        for (int i = 0; i < 500; i++) {
            CaptchaImage.png(code(random, digits), random);
        }
        long[] micros = new long[2000];
        for (int i = 0; i < micros.length; i++) {
            String code = code(random, digits);
            long start = System.nanoTime();
            CaptchaImage.png(code, random);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("draw_us mean=%d p50=%d p99=%d max=%d%n", (long) Arrays.stream(micros).average().orElse(0),
                micros[micros.length / 2], micros[micros.length * 99 / 100], micros[micros.length - 1]);
    }

    private static String code(SplittableRandom random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
