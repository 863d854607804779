package io.gull.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Gull streaming job: adds its operators to an environment, then runs there under its name. Also the one place
 * where a job's {@code main} turns program arguments into a running job.
 */
public interface GullJob {

    /** The job's name in Flink, e.g. {@code gull-telemetry}. */
    String name();

    /** Adds the job's operators to {@code env}. */
    void build(StreamExecutionEnvironment env);

    /** Builds the job and runs it until it ends. */
    default JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute(name());
    }

    /** Submits the job without waiting for it to end (tests, or callers that manage the job themselves). */
    default JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(name());
    }

    /**
     * What a job's {@code main} does: parses {@code args} (options as in {@link JobArgs#USAGE}), has {@code factory}
     * prepare and create the job, and runs it in the {@link JobEnvironment} those arguments describe.
     */
    static JobExecutionResult run(String[] args, Factory factory) throws Exception {
        JobArgs jobArgs = JobArgs.parse(args);
        return factory.create(jobArgs).execute(JobEnvironment.create(jobArgs));
    }

    /** Creates a job from its program arguments, preparing what it needs first (its Kafka topics, say). */
    @FunctionalInterface
    interface Factory {
        GullJob create(JobArgs args) throws Exception;
    }
}
