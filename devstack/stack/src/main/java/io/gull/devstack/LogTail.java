package io.gull.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines a server wrote in its current run, to put the reason for a failure right into the error message. */
final class LogTail {
    /** {@link ProcessSupervisor} starts every run in a log with this line, then a "==== " line with the command. */
    static final String RUN_MARKER = "==== Gull ";
    private static final int MAX_BYTES = 32 * 1024;

    private LogTail() {
    }

    static String lastLines(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            int runStart = 0;
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).startsWith(RUN_MARKER)) {
                    runStart = i + 1;
                    break;
                }
            }
            List<String> run = all.subList(runStart, all.size()).stream()
                    .filter(line -> !line.startsWith("==== ")) // the command line
                    .collect(Collectors.toList());
            if (run.isEmpty()) {
                return "    (nothing logged)";
            }
            return run.subList(Math.max(0, run.size() - lines), run.size()).stream()
                    .map(line -> "    " + line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
