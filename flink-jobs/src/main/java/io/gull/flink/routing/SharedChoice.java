package io.gull.flink.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which member of a shared subscription gets a message (MQTT 5.0 section 4.8.2), round robin in client id order
 * after the one chosen last:
 * <ol>
 *   <li>an online member other than the one that handed the message back;</li>
 *   <li>else an offline member (its session is kept and queues it), other than that one;</li>
 *   <li>else the member that handed it back, if it is still a member;</li>
 *   <li>else none: the message is dropped (counted), as it is after {@value #MAX_HOPS} hand-backs.</li>
 * </ol>
 */
final class SharedChoice {
    static final int MAX_HOPS = 3;

    private SharedChoice() {
    }

    /**
     * @param members   the subscription's members (status ONLINE or OFFLINE)
     * @param lastChosen the client id chosen last, or null
     * @param from      the member that handed the message back, or null
     */
    static Optional<SharedMember> choose(List<SharedMember> members, String lastChosen, String from, int hops) {
        if (hops > MAX_HOPS) {
            return Optional.empty();
        }
        List<SharedMember> sorted = members.stream().sorted(Comparator.comparing(SharedMember::clientId)).toList();
        Predicate<SharedMember> other = member -> !member.clientId().equals(from);
        Optional<SharedMember> online = next(sorted, lastChosen,
                other.and(member -> member.status() == SharedMember.Status.ONLINE));
        if (online.isPresent()) {
            return online;
        }
        Optional<SharedMember> offline = next(sorted, lastChosen, other);
        if (offline.isPresent()) {
            return offline;
        }
        return sorted.stream().filter(member -> member.clientId().equals(from)).findFirst();
    }

    private static Optional<SharedMember> next(List<SharedMember> sorted, String lastChosen,
            Predicate<SharedMember> eligible) {
        Optional<SharedMember> after = lastChosen == null ? Optional.empty() : sorted.stream()
                .filter(member -> member.clientId().compareTo(lastChosen) > 0).filter(eligible).findFirst();
        return after.isPresent() ? after : sorted.stream().filter(eligible).findFirst();
    }
}
