package io.gull.devstack;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /jars/<id>/run} (Flink 2.x {@code JarRunRequestBody}: {@code entryClass},
 * {@code programArgsList}, {@code parallelism}, {@code savepointPath}, {@code allowNonRestoredState}).
 *
 * @param entryClass            the job's main class
 * @param programArgs           its arguments
 * @param savepointPath         a checkpoint or savepoint to resume from, or null to start without state
 * @param allowNonRestoredState drop state that no operator of the job claims; sent only when resuming and asked for,
 *                              so that by default a restore that would lose state fails
 * @param parallelism           the job's default parallelism, or null to leave it to the cluster. Gull's jobs set
 *                              their parallelism from their own {@code --parallelism} argument, which wins over this
 *                              field, so the submitter passes both with the same value
 */
record JarRun(String entryClass, List<String> programArgs, String savepointPath, boolean allowNonRestoredState,
        Integer parallelism) {
    private static final ObjectMapper JSON = new ObjectMapper();

    JarRun {
        programArgs = List.copyOf(programArgs);
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Without a parallelism of its own: the job's or the cluster's default. */
    JarRun(String entryClass, List<String> programArgs, String savepointPath, boolean allowNonRestoredState) {
        this(entryClass, programArgs, savepointPath, allowNonRestoredState, null);
    }

    String toJson() {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.putArray("programArgsList").addAll(programArgs.stream().map(JSON.getNodeFactory()::textNode).toList());
        if (parallelism != null) {
            request.put("parallelism", parallelism);
        }
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            if (allowNonRestoredState) {
                request.put("allowNonRestoredState", true);
            }
        }
        return request.toString();
    }
}
