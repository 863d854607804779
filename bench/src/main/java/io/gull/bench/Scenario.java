package io.gull.bench;

import java.util.Map;

/** One benchmark, run the same way against every target. */
public interface Scenario {
    /** e.g. "latency"; names the result files. */
    String name();

    /** The settings that shape the numbers (rate, qos ...), for the report. */
    Map<String, Object> parameters();

    TargetResult run(Target target) throws Exception;
}
