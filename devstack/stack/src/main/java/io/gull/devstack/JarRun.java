package io.gull.devstack;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /jars/<id>/run}.
 *
 * @param entryClass            the job's main class
 * @param programArgs           its arguments
 * @param savepointPath         a checkpoint or savepoint to resume from, or null to start without state
 * @param allowNonRestoredState drop state that no operator of the job claims; sent only when resuming and asked for,
 *                              so that by default a restore that would lose state fails
 */
record JarRun(String entryClass, List<String> programArgs, String savepointPath, boolean allowNonRestoredState) {
    private static final ObjectMapper JSON = new ObjectMapper();

    JarRun {
        programArgs = List.copyOf(programArgs);
    }

    String toJson() {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.putArray("programArgsList").addAll(programArgs.stream().map(JSON.getNodeFactory()::textNode).toList());
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            if (allowNonRestoredState) {
                request.put("allowNonRestoredState", true);
            }
        }
        return request.toString();
    }
}
