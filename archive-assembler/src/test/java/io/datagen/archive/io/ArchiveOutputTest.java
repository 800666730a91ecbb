package io.datagen.archive.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.OffsetFlag;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The primitive encodings, checked against the examples in the format reference (§2). */
class ArchiveOutputTest {

  static String hex(ThrowingWrite write) throws Exception {
    InMemorySink sink = PositionedSink.inMemory();
    write.apply(new ArchiveOutput(sink));
    return HexFormat.ofDelimiter(" ").formatHex(sink.toByteArray());
  }

  interface ThrowingWrite {
    void apply(ArchiveOutput out) throws Exception;
  }

  @Test
  void intIsSignByteThenLittleEndianMagnitude() throws Exception {
    assertThat(hex(out -> out.writeInt(0))).isEqualTo("00 00 00 00 00");
    assertThat(hex(out -> out.writeInt(5))).isEqualTo("00 05 00 00 00");
    assertThat(hex(out -> out.writeInt(3361))).isEqualTo("00 21 0d 00 00");
    assertThat(hex(out -> out.writeInt(-1))).isEqualTo("01 01 00 00 00");
    assertThat(hex(out -> out.writeInt(Integer.MAX_VALUE))).isEqualTo("00 ff ff ff 7f");
    assertThatThrownBy(() -> hex(out -> out.writeInt(Integer.MIN_VALUE)))
        .hasMessageContaining("Cannot write Int: -2147483648");
  }

  @Test
  void stringsKeepNullAndEmptyApart() throws Exception {
    assertThat(hex(out -> out.writeStr(null))).isEqualTo("01 01 00 00 00");
    assertThat(hex(out -> out.writeStr(""))).isEqualTo("00 00 00 00 00");
    assertThat(hex(out -> out.writeStr("ü"))).isEqualTo("00 02 00 00 00 c3 bc");
    assertThatThrownBy(() -> hex(out -> out.writeRequiredStr("withOids", null)))
        .hasMessage("Cannot write withOids: NULL (pg_restore dereferences it and crashes)");
  }

  @Test
  void offsetIsFlagThenEightUnsignedBytes() throws Exception {
    assertThat(hex(out -> out.writeOffset(OffsetFlag.SET, 5808)))
        .isEqualTo("02 b0 16 00 00 00 00 00 00");
    assertThat(hex(out -> out.writeOffset(OffsetFlag.NO_DATA, 0)))
        .isEqualTo("03 00 00 00 00 00 00 00 00");
    assertThatThrownBy(() -> hex(out -> out.writeOffset(OffsetFlag.SET, -1)))
        .hasMessageContaining("Cannot write offset: -1");
  }

  @Test
  void bytesAndChunks() throws Exception {
    assertThat(hex(out -> out.writeByte(255))).isEqualTo("ff");
    assertThatThrownBy(() -> hex(out -> out.writeByte(256))).hasMessage("Cannot write byte: 256");
    assertThat(hex(out -> out.writeChunk(new byte[] {9, 8, 7}, 1, 2)))
        .isEqualTo("00 02 00 00 00 08 07");
    assertThat(hex(ArchiveOutput::writeEndOfBlock)).isEqualTo("00 00 00 00 00");
    assertThatThrownBy(() -> hex(out -> out.writeChunk(new byte[3], 0, 0)))
        .hasMessageContaining("Cannot write chunk: length 0");
  }

  @Test
  void sinksCountPositions() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PositionedSink sink = PositionedSink.of(bytes)) {
      sink.write(1);
      sink.write(new byte[] {2, 3});
      sink.asOutputStream().write(new byte[] {4, 5, 6}, 1, 2);
      sink.asOutputStream().write(7);
      sink.asOutputStream().flush();
      sink.flush();
      assertThat(sink.position()).isEqualTo(6);
    }
    assertThat(bytes.toByteArray()).containsExactly(1, 2, 3, 5, 6, 7);
    CountingSink counting = PositionedSink.counting(10);
    counting.write(1);
    counting.write(new byte[5], 0, 5);
    counting.skip(100);
    counting.flush();
    counting.close();
    assertThat(counting.position()).isEqualTo(116);
    assertThatThrownBy(() -> counting.skip(-1))
        .hasMessageContaining("Cannot skip negative byte count");
    assertThatThrownBy(() -> PositionedSink.counting(-1))
        .hasMessageContaining("Cannot start counting sink");
    InMemorySink memory = PositionedSink.inMemory();
    memory.write(new byte[1000], 0, 1000);
    memory.flush();
    memory.close();
    assertThat(memory.toByteArray()).hasSize(1000);
  }
}
