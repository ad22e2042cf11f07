package org.endorsements.query.shared.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Results that depend only on a statement's views at one position (who was in force at an instant, a
 * breakdown), kept in a Caffeine cache bounded by their estimated size. Nothing is ever invalidated: the key holds
 * the position of the statement's view (and, for results that join organizations, a version of the organizations),
 * so a new event makes a new key and the old entry ages out.
 */
@Component
public class ResultCache {

    @ConfigurationProperties("endorsements.reads.cache")
    public record Properties(
            @DefaultValue("64MB") DataSize maxSize,
            @DefaultValue("10m") Duration expireAfterAccess) {}

    /** A cached value that can tell roughly how many bytes of heap it holds. */
    public interface Sized {
        long estimatedBytes();
    }

    /** {@code position}: where the statement's view stood; {@code parameters}: whatever else the result depends on. */
    public record Key(String kind, String statementId, String position, List<Object> parameters) {}

    private final AsyncCache<Key, Sized> cache;

    ResultCache(Properties properties) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Sized value) -> (int) Math.min(Integer.MAX_VALUE, value.estimatedBytes()))
                .expireAfterAccess(properties.expireAfterAccess())
                .buildAsync();
    }

    /**
     * The cached value, or {@code load}'s, computed once however many ask for the same key at the same time. It is
     * computed on the caller's thread and outside Caffeine's locks (a computation can take seconds); a failed one
     * is not kept.
     */
    @SuppressWarnings("unchecked")
    public <V extends Sized> V get(Key key, Supplier<V> load) {
        CompletableFuture<Sized> mine = new CompletableFuture<>();
        CompletableFuture<Sized> theirs = cache.asMap().putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return (V) theirs.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            V value = load.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            cache.asMap().remove(key, mine);
            throw e;
        }
    }

    long size() {
        return cache.synchronous().estimatedSize();
    }
}
