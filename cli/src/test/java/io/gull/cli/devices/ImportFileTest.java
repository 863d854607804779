package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.PasswordCredential;

/** What an import file must hold, checked for every row before anything is written. */
class ImportFileTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldReadDevicesWithTheDefaultsOfDevicesAdd() {
        // when
        ImportFile.Contents contents = ImportFile.parse("device_id,password\ndev1,pw1\ndev2,pw2\n");

        // then
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.rows()).extracting(ImportRow::deviceId, ImportRow::line, ImportRow::tenant)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dev1", 2, "default"),
                        org.assertj.core.groups.Tuple.tuple("dev2", 3, "default"));
        DeviceRecord device = contents.rows().get(0).toRecord(NOW);
        assertThat(PasswordHashing.matches(device.getCredential(), "pw1".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(device.getMetadata()).isEmpty();
        assertThat(device.getCreatedAt()).isEqualTo(NOW);
        assertThat(device.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldTakeTenantTimestampsAndOneMetadataEntryPerMetaColumn() {
        // given columns in another order and case, and an empty metadata cell
        String text = "Meta.site,TENANT,device_id,Password,meta.Floor,created_at\n"
                + "lab,acme,sensor-7,s3cret,,2025-01-31T12:00:00Z\n";

        // when
        ImportRow row = ImportFile.parse(text).rows().get(0);

        // then
        DeviceRecord device = row.toRecord(NOW);
        assertThat(device.getTenant()).isEqualTo("acme");
        assertThat(device.getMetadata()).containsExactly(Map.entry("site", "lab"));
        assertThat(device.getCreatedAt()).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(device.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldKeepAStoredHashAsItIs() {
        // given
        PasswordCredential stored = PasswordHashing.hash("old-pw");
        String text = "device_id,password_hash\ndev1," + StoredCredentials.format(stored) + "\n";

        // when
        ImportRow row = ImportFile.parse(text).rows().get(0);

        // then
        assertThat(row.password()).isEmpty();
        assertThat(row.toRecord(NOW).getCredential()).isEqualTo(stored);
    }

    @Test
    void shouldKeepPasswordsExactlyAsWritten() {
        // when
        ImportRow row = ImportFile.parse("device_id,password\ndev1,\" pw, with \"\"quotes\"\" \"\n").rows().get(0);

        // then
        assertThat(row.password()).contains(" pw, with \"quotes\" ");
    }

    @Test
    void shouldReportEveryInvalidRowWithItsLine() {
        // given
        String text = "device_id,password,password_hash,tenant,updated_at\n"
                + "good-1,pw,,,\n"
                + "bad/id,pw,,,\n"
                + "no-password,,,,\n"
                + "both,pw,PBKDF2WithHmacSHA256:10000:AAAA:AAAA,,\n"
                + "bad-hash,,nonsense,,\n"
                + "blank-tenant,pw,,\"  \",\n"
                + "bad-time,pw,,,yesterday\n"
                + "too,few\n"
                + "good-1,pw2,,,\n"
                + "good-2,pw,,,\n";

        // when
        ImportFile.Contents contents = ImportFile.parse(text);

        // then
        assertThat(contents.rows()).extracting(ImportRow::deviceId).containsExactly("good-1", "good-2");
        assertThat(contents.problems()).extracting(Object::toString).containsExactly(
                "line 3: device id must not contain '/' (MQTT wildcard/separator): bad/id",
                "line 4: no password (fill in password or password_hash)",
                "line 5: both password and password_hash are set; give one",
                "line 6: password_hash: expected <algorithm>:<iterations>:<salt>:<hash> as devices export writes it,"
                        + " e.g. PBKDF2WithHmacSHA256:10000:<base64>:<base64>",
                "line 7: tenant must not be blank (leave it empty for 'default')",
                "line 8: updated_at must be an ISO-8601 instant such as 2026-11-25T07:24:57.735Z, got 'yesterday'",
                "line 9: 2 field(s) where the header has 5 (a missing or extra comma, or a value with a comma that is"
                        + " not in double quotes?)",
                "line 10: device good-1 is already on line 2");
    }

    @Test
    void shouldListEveryProblemOfARowTogether() {
        // when
        ImportFile.Contents contents = ImportFile.parse("device_id,password,created_at\nbad id,,never\n");

        // then
        assertThat(contents.problems()).extracting(Object::toString).containsExactly(
                "line 2: device id must not contain whitespace or control characters: 'bad id'; no password (fill in"
                        + " password or password_hash); created_at must be an ISO-8601 instant such as"
                        + " 2026-11-25T07:24:57.735Z, got 'never'");
    }

    @Test
    void shouldRefuseAHeaderItCannotReadWithoutGuessing() {
        assertThatThrownBy(() -> ImportFile.parse("device,password\nd,p\n"))
                .hasMessage("line 1 (the header): unknown column 'device' (the columns are device_id, tenant, password,"
                        + " password_hash, created_at, updated_at, meta.<key>); no device_id column");
        assertThatThrownBy(() -> ImportFile.parse("device_id,pasword\nd,p\n"))
                .hasMessageContaining("unknown column 'pasword'")
                .hasMessageContaining("no password column (or password_hash, as devices export writes it)");
        assertThatThrownBy(() -> ImportFile.parse("device_id,password,Password\nd,p,q\n"))
                .hasMessage("line 1 (the header): column 'password' appears twice");
        assertThatThrownBy(() -> ImportFile.parse("device_id,password,meta.a,meta.a\nd,p,1,2\n"))
                .hasMessage("line 1 (the header): column 'meta.a' appears twice");
    }

    @Test
    void shouldRefuseAnEmptyFileAndTextThatIsNotCsv() {
        assertThatThrownBy(() -> ImportFile.parse("\n"))
                .hasMessage("the file is empty; it needs a header line such as device_id,password and one line per"
                        + " device");
        assertThatThrownBy(() -> ImportFile.parse("device_id,password\ndev1,\"unclosed\n"))
                .hasMessage("not valid CSV: line 2: the quote that opens field 2 is never closed");
    }

    @Test
    void shouldCountStoredHashesWeakerThanThisReleaseMakes() {
        // given a hash of 1,000 iterations (the registry still verifies it)
        PasswordCredential weak = PasswordHashing.hash("pw");
        weak.setIterations(1_000);
        String text = "device_id,password_hash,password\nold," + StoredCredentials.format(weak) + ",\nnew,,pw\n";

        // when
        ImportFile.Contents contents = ImportFile.parse(text);

        // then
        assertThat(contents.rows()).hasSize(2);
        assertThat(contents.weakHashes()).isEqualTo(1);
        assertThat(contents.rows().get(0).credential()).map(PasswordCredential::getIterations)
                .isEqualTo(Optional.of(1_000));
    }
}
