package io.gull.flink;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution environment every Gull job runs in: RocksDB state, incremental checkpoints,
 * given parallelism, no Kryo. */
public final class JobEnvironment {
    private JobEnvironment() {
    }

    /** The job-level configuration derived from the program arguments. */
    public static Configuration configuration(JobArgs args) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, args.checkpointInterval());
        args.checkpointDir().ifPresent(dir -> conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
        conf.set(CoreOptions.DEFAULT_PARALLELISM, args.parallelism());
        // every record type has explicit type information; a Kryo fallback would be a bug, so fail at build time
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    public static StreamExecutionEnvironment create(JobArgs args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(args));
        env.setParallelism(args.parallelism());
        return env;
    }
}
