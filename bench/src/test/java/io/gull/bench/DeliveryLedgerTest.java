package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    @Test
    void everythingReceivedOnceIsNeitherMissingNorDuplicate() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        for (int seq = 0; seq < 10; seq++) {
            assertThat(ledger.record(0, seq)).isTrue();
            assertThat(ledger.record(1, seq)).isTrue();
        }
        assertThat(ledger.tally(r -> 10)).isEqualTo(new DeliveryLedger.Tally(20, 0, 0, 0, 0));
    }

    @Test
    void countsMissingPerReceiverAndDuplicates() {
        DeliveryLedger ledger = new DeliveryLedger(3);
        ledger.record(0, 0);
        ledger.record(0, 1);
        ledger.record(0, 1);
        ledger.record(0, 1);
        ledger.record(1, 2);
        // receiver 2 got nothing
        DeliveryLedger.Tally tally = ledger.tally(r -> 3);
        assertThat(tally.delivered()).isEqualTo(3);
        assertThat(tally.missing()).isEqualTo(1 + 2 + 3);
        assertThat(tally.duplicates()).isEqualTo(2);
        assertThat(tally.receiversMissingSome()).isEqualTo(3);
    }

    @Test
    void sequenceNumbersBeyondWhatWasSentAreUnexpectedNotDelivered() {
        DeliveryLedger ledger = new DeliveryLedger(1);
        ledger.record(0, 0);
        ledger.record(0, 5);
        ledger.record(0, -1);
        DeliveryLedger.Tally tally = ledger.tally(r -> 2);
        assertThat(tally.delivered()).isEqualTo(1);
        assertThat(tally.missing()).isEqualTo(1);
        assertThat(tally.unexpected()).isEqualTo(2);
    }

    @Test
    void roundRobinExpectationSplitsTheTotalOverReceivers() {
        MeasuredRun.Expectation expectation = MeasuredRun.roundRobin(3);
        assertThat(expectation.forReceiver(0, 10)).isEqualTo(4);
        assertThat(expectation.forReceiver(1, 10)).isEqualTo(3);
        assertThat(expectation.forReceiver(2, 10)).isEqualTo(3);
        assertThat(MeasuredRun.everyMessage().forReceiver(2, 10)).isEqualTo(10);
    }
}
