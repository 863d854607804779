package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;

class WriteErrorsTest {

    @Test
    void shouldTreatRejectedDataAsPerRecord() {
        assertThat(WriteErrors.isPerRecord(new InvalidQueryException(null,
                "Rejected an oversized mutation (20000000/16777216) for keyspace: gull"))).isTrue();
        assertThat(WriteErrors.isPerRecord(new CompletionException(
                new InvalidQueryException(null, "Invalid value for column received_at")))).isTrue();
        assertThat(WriteErrors.isPerRecord(new FrameTooLongException(null, "frame too long"))).isTrue();
    }

    @Test
    void shouldTreatMissingSchemaAndAccessProblemsAsAffectingEveryWrite() {
        assertThat(WriteErrors.isPerRecord(new InvalidQueryException(null, "unconfigured table telemetry_by_device")))
                .isFalse();
        assertThat(WriteErrors.isPerRecord(new InvalidQueryException(null, "Keyspace 'gull' does not exist")))
                .isFalse();
        assertThat(WriteErrors.isPerRecord(new InvalidQueryException(null, "Undefined column name edge_id")))
                .isFalse();
        assertThat(WriteErrors.isPerRecord(new UnauthorizedException(null, "no MODIFY permission"))).isFalse();
        assertThat(WriteErrors.isPerRecord(new SyntaxError(null, "line 1:0"))).isFalse();
    }

    @Test
    void shouldNotTreatTransientErrorsAsPerRecord() {
        assertThat(WriteErrors.isPerRecord(new DriverTimeoutException("timed out"))).isFalse();
    }
}
