package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;

/**
 * The wildcard subscriptions of every tenant as one trie per tenant, by topic level ({@code +} and {@code #} are
 * children like any level). Matching a topic walks at most its levels times the wildcard branches on the way: it
 * never visits the filters of other tenants or of other first levels. In memory only; the match operator rebuilds
 * it from broadcast state after a restore. Not thread-safe.
 */
final class WildcardIndex {
    private final Map<String, Node> tenants = new HashMap<>();
    private int size;

    /** Adds (or replaces) {@code clientId}'s subscription to {@code subscription.filter}. */
    void add(String tenant, String clientId, Subscription subscription) {
        Node node = tenants.computeIfAbsent(tenant, t -> new Node());
        for (String level : levels(TopicFilters.topicPart(subscription.getFilter()))) {
            node = node.children.computeIfAbsent(level, l -> new Node());
        }
        if (node.subscribers.put(clientId, subscription) == null) {
            size++;
        }
    }

    /** Removes {@code clientId}'s subscription to {@code filter}, pruning branches left empty. */
    void remove(String tenant, String clientId, String filter) {
        Node root = tenants.get(tenant);
        if (root != null && remove(root, levels(TopicFilters.topicPart(filter)), 0, clientId) && root.isEmpty()) {
            tenants.remove(tenant);
        }
    }

    /** Every subscription of {@code tenant} whose filter matches topic name {@code topic} (MQTT 4.7). */
    List<Subscriber> match(String tenant, String topic) {
        List<Subscriber> found = new ArrayList<>();
        Node root = tenants.get(tenant);
        if (root != null) {
            String[] levels = levels(topic);
            // a filter starting with a wildcard does not match a topic starting with '$' (MQTT-4.7.2-1)
            collect(root, levels, 0, !levels[0].startsWith("$"), found);
        }
        return found;
    }

    /** Wildcard subscriptions held, all tenants. */
    int size() {
        return size;
    }

    private static void collect(Node node, String[] levels, int depth, boolean wildcardsAllowed,
            List<Subscriber> found) {
        Node hash = wildcardsAllowed ? node.children.get("#") : null;
        if (hash != null) {
            hash.addTo(found); // '#' matches this level's parent and everything below it (MQTT-4.7.1-2)
        }
        if (depth == levels.length) {
            node.addTo(found);
            return;
        }
        Node literal = node.children.get(levels[depth]);
        if (literal != null) {
            collect(literal, levels, depth + 1, true, found);
        }
        Node plus = wildcardsAllowed ? node.children.get("+") : null;
        if (plus != null) {
            collect(plus, levels, depth + 1, true, found);
        }
    }

    /** Returns true when {@code node} became empty and may be pruned by its parent. */
    private boolean remove(Node node, String[] levels, int depth, String clientId) {
        if (depth == levels.length) {
            if (node.subscribers.remove(clientId) != null) {
                size--;
            }
            return node.isEmpty();
        }
        Node child = node.children.get(levels[depth]);
        if (child != null && remove(child, levels, depth + 1, clientId)) {
            node.children.remove(levels[depth]);
        }
        return node.isEmpty();
    }

    private static String[] levels(String topicOrFilter) {
        return topicOrFilter.split("/", -1);
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        /** Subscriptions whose filter ends at this node, by client id. */
        final Map<String, Subscription> subscribers = new HashMap<>(2);

        boolean isEmpty() {
            return children.isEmpty() && subscribers.isEmpty();
        }

        void addTo(List<Subscriber> found) {
            subscribers.forEach((clientId, subscription) -> found.add(new Subscriber(clientId, subscription)));
        }
    }
}
