package io.gull.devstack.flink;

import java.nio.file.Path;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.rocksdb.InfoLogLevel;

/**
 * The configuration of Gull's dev Flink session cluster: REST API + web UI with jar submission, RocksDB state with
 * incremental checkpoints retained under the data dir (so a restarted cluster can resume jobs from them), modest memory.
 */
final class FlinkClusterConfiguration {

    private FlinkClusterConfiguration() {
    }

    static Configuration of(FlinkClusterArgs args) {
        Path dir = args.dataDir();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, args.bindHost());
        conf.set(RestOptions.ADDRESS, isWildcard(args.bindHost()) ? "127.0.0.1" : args.bindHost());
        conf.set(RestOptions.PORT, args.restPort());
        conf.set(WebOptions.SUBMIT_ENABLE, true);
        conf.set(WebOptions.CANCEL_ENABLE, true);
        conf.set(WebOptions.UPLOAD_DIR, dir.resolve("web-upload").toString());
        conf.set(WebOptions.TMP_DIR, dir.resolve("web-tmp").toString());
        conf.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());

        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, dir.resolve("savepoints").toUri().toString());
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        // RocksDB writes its own LOG next to Flink's, one file per state instance and run, never removed: at its
        // default INFO level the delivery operator's grew 4.6 MB in ten minutes. Keep only the header (its options).
        conf.set(RocksDBConfigurableOptions.LOG_LEVEL, InfoLogLevel.HEADER_LEVEL);

        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, args.slots());
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        return conf;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
    }
}
