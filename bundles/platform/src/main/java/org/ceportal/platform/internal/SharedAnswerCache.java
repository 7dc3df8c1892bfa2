package org.ceportal.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ceportal.platform.answers.SameForEveryone;
import org.ceportal.platform.answers.SharedAnswers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * This node's kept answers of {@link SameForEveryone} methods, by request path and
 * query, in a Caffeine cache bounded by time ({@code seconds} after it was built) and by
 * size ({@code maxKilobytes} of bodies). {@link SharedAnswerFilter} gives them;
 * {@link SharedAnswerRecorder} keeps them.
 *
 * <p>Answers carry the generation they were built in; {@link #forget} starts a new one, which
 * makes every kept answer stale at once, and an answer whose request started before it is
 * not kept. So an answer built from data read before a change committed is never given
 * after the change on this node.
 */
@Component(service = {SharedAnswers.class, SharedAnswerCache.class}, configurationPid = SharedAnswerCache.PID)
@Designate(ocd = SharedAnswerCache.Config.class)
public final class SharedAnswerCache implements SharedAnswers {
    static final String PID = "org.ceportal.platform.answers";

    @ObjectClassDefinition(name = "ceportal shared answers",
            description = "Public reads that are the same for every caller (regions, a region's units, majors) answered from memory")
    @interface Config {
        @AttributeDefinition(name = "Seconds",
                description = "How long a kept answer is given before it is built again; 0 keeps none. With several nodes, "
                        + "a unit added through one node shows on the others after at most this time.",
                min = "0", max = "3600")
        int seconds() default 5;

        @AttributeDefinition(name = "Memory (KB)", description = "Largest total size of the kept answers' bodies",
                min = "64", max = "262144")
        int maxKilobytes() default 8192;
    }

    /**
     * One kept answer: its headers (names as sent), ETag (or null) and body, with the
     * generation and the time ({@link System#nanoTime}) it was kept in.
     */
    record Answer(List<Map.Entry<String, String>> headers, String etag, byte[] body, long generation, long keptAt) {
    }

    /** Stale answers stay a while longer: they tell that the path is kept at all (for {@link SharedAnswerFilter}). */
    private static final int KNOWN_FOR = 12;

    private final AtomicLong generation = new AtomicLong();
    private volatile Cache<String, Answer> answers;
    private volatile long freshNanos;

    @Activate
    public SharedAnswerCache(Config config) {
        configure(config);
    }

    @Modified
    void configure(Config config) {
        generation.incrementAndGet();
        freshNanos = Duration.ofSeconds(config.seconds()).toNanos();
        answers = config.seconds() <= 0 ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(Duration.ofSeconds((long) config.seconds() * KNOWN_FOR))
                        .maximumWeight(config.maxKilobytes() * 1024L)
                        .<String, Answer>weigher((key, a) -> 2 * key.length() + a.body().length + 64 * a.headers().size())
                        .build();
    }

    /** The answer kept for the path and query, fresh or stale ({@link #fresh}), or null. */
    Answer get(String key) {
        Cache<String, Answer> current = answers;
        return current == null ? null : current.getIfPresent(key);
    }

    /** True while the answer may be given: kept in this generation, less than {@code seconds} ago. */
    boolean fresh(Answer answer) {
        return answer.generation() == generation.get() && System.nanoTime() - answer.keptAt() < freshNanos;
    }

    /** The generation a request starts in; {@link #keep} takes it back. */
    long generation() {
        return generation.get();
    }

    /**
     * Keeps the answer (headers, ETag, body) built by a request that started in generation
     * {@code started}, unless a {@link #forget} (or a new configuration) came since.
     */
    void keep(String key, long started, List<Map.Entry<String, String>> headers, String etag, byte[] body) {
        Cache<String, Answer> current = answers;
        if (current != null && generation.get() == started) {
            current.put(key, new Answer(headers, etag, body, started, System.nanoTime()));
        }
    }

    /** Makes every kept answer stale: it is built again at its next request. */
    @Override
    public void forget() {
        generation.incrementAndGet();
    }
}
