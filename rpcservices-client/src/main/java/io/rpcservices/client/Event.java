package io.rpcservices.client;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An event published with {@code events.publish(subject, data)}, as a subscriber receives it.
 *
 * @param subject the subject it was published under, such as {@code crawler.page}
 * @param data the data published with it, a value of DESIGN.md's table
 * @param publishedAt when the master published it, or null if the master did not say
 */
public record Event(String subject, @Nullable Object data, @Nullable LocalDateTime publishedAt) {}
