package io.gull.schemas.topic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MQTT topic names and topic filters (MQTT 3.1.1 section 4.7, 5.0 section 4.7 and 4.8.2): validation, matching
 * with {@code +} and {@code #}, and the {@code $share/<group>/<filter>} form of shared subscriptions. The edge
 * validates with it, the sessions job matches with it, so both read the spec the same way.
 */
public final class TopicFilters {
    /** A UTF-8 string of MQTT is at most this many bytes (MQTT-1.5.3). */
    public static final int MAX_BYTES = 65_535;
    /** Prefix of a shared subscription's filter (MQTT 5.0 section 4.8.2). */
    public static final String SHARE_PREFIX = "$share/";

    private TopicFilters() {
    }

    /** Why {@code filter} is not a valid topic filter, or empty when it is (a {@code $share/} filter included). */
    public static Optional<String> filterProblem(String filter) {
        if (filter == null || filter.isEmpty()) {
            return Optional.of("empty topic filter (MQTT-4.7.3-1)");
        }
        if (filter.startsWith(SHARE_PREFIX) || filter.equals("$share")) {
            return sharedProblem(filter);
        }
        return plainFilterProblem(filter);
    }

    /** Why {@code topic} is not a valid topic name to publish to, or empty when it is. */
    public static Optional<String> topicNameProblem(String topic) {
        if (topic == null || topic.isEmpty()) {
            return Optional.of("empty topic name (MQTT-4.7.3-1)");
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.of("topic name contains a wildcard (MQTT-3.3.2-2)");
        }
        return commonProblem(topic);
    }

    /** True when the (non-shared) filter has a {@code +} or {@code #} level. */
    public static boolean isWildcard(String filter) {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /**
     * True when topic name {@code topic} matches the valid, non-shared {@code filter}. A filter starting with a
     * wildcard does not match a topic starting with {@code $} (MQTT-4.7.2-1).
     */
    public static boolean matches(String filter, String topic) {
        if (!topic.isEmpty() && topic.charAt(0) == '$' && !filter.isEmpty()
                && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fLen = filter.length();
        int tLen = topic.length();
        while (true) {
            if (f < fLen && filter.charAt(f) == '#') {
                return true; // '#' matches the parent level and everything below (MQTT-4.7.1-2)
            }
            int fEnd = levelEnd(filter, f);
            int tEnd = levelEnd(topic, t);
            boolean plus = fEnd - f == 1 && filter.charAt(f) == '+';
            if (!plus && !filter.regionMatches(f, topic, t, Math.max(fEnd - f, tEnd - t))) {
                return false;
            }
            boolean filterDone = fEnd >= fLen;
            boolean topicDone = tEnd >= tLen;
            if (filterDone || topicDone) {
                if (filterDone && topicDone) {
                    return true;
                }
                // "a/#" also matches "a": the filter has one more level and it is '#'
                return topicDone && !filterDone && filter.length() - (fEnd + 1) == 1 && filter.charAt(fEnd + 1) == '#';
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
    }

    /** The first level of a topic name or filter ({@code "a"} for {@code "a/b/c"}, {@code ""} for {@code "/x"}). */
    public static String firstLevel(String topicOrFilter) {
        int slash = topicOrFilter.indexOf('/');
        return slash < 0 ? topicOrFilter : topicOrFilter.substring(0, slash);
    }

    /** The shared-subscription form of {@code filter}, or empty when it is an ordinary filter. Assumes a valid filter. */
    public static Optional<SharedFilter> shared(String filter) {
        if (!filter.startsWith(SHARE_PREFIX)) {
            return Optional.empty();
        }
        int slash = filter.indexOf('/', SHARE_PREFIX.length());
        return Optional.of(new SharedFilter(filter.substring(SHARE_PREFIX.length(), slash), filter.substring(slash + 1)));
    }

    /** The filter topics are matched against: {@code a/+} for {@code $share/g/a/+}, else {@code filter} itself. */
    public static String topicPart(String filter) {
        return shared(filter).map(SharedFilter::filter).orElse(filter);
    }

    private static Optional<String> sharedProblem(String filter) {
        int slash = filter.indexOf('/', SHARE_PREFIX.length());
        if (filter.equals("$share") || slash < 0) {
            return Optional.of("shared subscription without a share name and filter: $share/<group>/<filter> (MQTT-4.8.2-1)");
        }
        String group = filter.substring(SHARE_PREFIX.length(), slash);
        if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
            return Optional.of("share name must be at least one character and contain no + or # (MQTT-4.8.2-2)");
        }
        String rest = filter.substring(slash + 1);
        if (rest.isEmpty()) {
            return Optional.of("shared subscription without a topic filter after the share name (MQTT-4.8.2-1)");
        }
        return plainFilterProblem(rest);
    }

    private static Optional<String> plainFilterProblem(String filter) {
        int start = 0;
        while (start <= filter.length()) {
            int end = levelEnd(filter, start);
            String level = filter.substring(start, end);
            if (level.indexOf('#') >= 0 && (!level.equals("#") || end < filter.length())) {
                return Optional.of("'#' must be a whole level and the last one (MQTT-4.7.1-2)");
            }
            if (level.indexOf('+') >= 0 && !level.equals("+")) {
                return Optional.of("'+' must be a whole level (MQTT-4.7.1-3)");
            }
            start = end + 1;
        }
        return commonProblem(filter);
    }

    private static Optional<String> commonProblem(String text) {
        if (text.indexOf('\u0000') >= 0) {
            return Optional.of("contains the null character U+0000 (MQTT-4.7.3-2)");
        }
        if (text.length() > MAX_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("longer than 65535 bytes (MQTT-4.7.3-3)");
        }
        return Optional.empty();
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }

    /**
     * A shared subscription {@code $share/<group>/<filter>}: messages matching {@code filter} go to one member of
     * {@code group} each.
     */
    public record SharedFilter(String group, String filter) {
    }
}
