package io.datagen.archive.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.Compression;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.text.TextBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PieceEncoderTest {
  /**
   * Streaming a piece ({@code encodeTo}, what executors do) writes exactly the bytes {@code encode}
   * returns, for every encoder of every format, and reports the same Adler-32; the stream is left
   * open.
   */
  @Property(tries = 200)
  void encodeToStreamsExactlyTheBytesOfEncode(
      @ForAll @IntRange(min = 0, max = 10) int kind,
      @ForAll @Size(max = 300_000) byte[] raw,
      @ForAll @IntRange(min = 0, max = 50) int cut)
      throws Exception {
    PieceEncoder encoder =
        switch (kind) {
          case 0 -> PieceEncoder.forCustomArchive(Compression.none());
          case 1 -> PieceEncoder.forCustomArchive(Compression.gzip(6));
          case 2 -> PieceEncoder.forCustomArchive(Compression.zstd(3));
          case 3 -> PieceEncoder.forCustomArchive(Compression.lz4(1), 1000);
          case 4 -> PieceEncoder.forDirectoryArchive(Compression.none());
          case 5 -> PieceEncoder.forDirectoryArchive(Compression.gzip(-1));
          case 6 -> PieceEncoder.forDirectoryArchive(Compression.zstd(5));
          case 7 -> PieceEncoder.forDirectoryArchive(Compression.lz4(9));
          case 8 -> PieceEncoder.forPlainScript(Compression.none());
          case 9 -> PieceEncoder.forPlainScript(Compression.gzip(1));
          default -> PieceEncoder.forCustomArchive(Compression.gzip(9), 7);
        };
    int offset = Math.min(cut, raw.length);
    int length = raw.length - offset;
    EncodedPiece piece = encoder.encode(raw, offset, length);
    boolean[] closed = {false};
    ByteArrayOutputStream streamed =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    int adler = encoder.encodeTo(raw, offset, length, streamed);
    assertThat(streamed.toByteArray()).isEqualTo(piece.bytes());
    assertThat(adler).isEqualTo(piece.adler32());
    assertThat(closed[0]).as("the caller's stream stays open").isFalse();
  }

  @Property(tries = 300)
  void adlerCombineEqualsAdlerOfConcatenation(
      @ForAll @Size(max = 3000) byte[] a, @ForAll @Size(max = 3000) byte[] b) {
    assertThat(Adler32Combiner.combine(adler(a), adler(b), b.length))
        .isEqualTo(adler(concat(a, b)));
  }

  @Test
  void adlerCombineHandlesLengthsBeyondTheModulus() {
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    assertThat(Adler32Combiner.combine(adler(new byte[] {1, 2, 3}), adler(big), big.length))
        .isEqualTo(adler(concat(new byte[] {1, 2, 3}, big)));
    assertThatThrownBy(() -> Adler32Combiner.combine(1, 1, -1))
        .hasMessageContaining("negative length");
  }

  @Test
  void zlibHeaderMatchesWhatZlibWritesForEachLevel() {
    for (int level = -1; level <= 9; level++) {
      if (level == 0) {
        continue;
      }
      Deflater deflater = new Deflater(level);
      deflater.setInput(new byte[] {1});
      deflater.finish();
      byte[] out = new byte[64];
      deflater.deflate(out);
      assertThat(ZlibStream.header(level)).as("level %d", level).containsExactly(out[0], out[1]);
    }
  }

  @Property(tries = 100)
  void syncFlushPiecesInflateInOneStream(
      @ForAll @Size(max = 5) java.util.List<@Size(max = 4000) byte[]> pieces,
      @ForAll @IntRange(min = 1, max = 9) int level)
      throws Exception {
    PieceEncoder encoder = PieceEncoder.forCustomArchive(Compression.gzip(level), 512);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(ZlibStream.header(level));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int combined = Adler32Combiner.INITIAL;
    for (byte[] piece : pieces) {
      EncodedPiece encoded = encoder.encode(piece);
      assertThat(encoded.rawLength()).isEqualTo(piece.length);
      assertThat(encoded.adler32()).isEqualTo(adler(piece));
      if (piece.length == 0) {
        assertThat(encoded.bytes()).isEmpty();
      }
      stream.writeBytes(unframe(encoded.bytes(), 512));
      raw.writeBytes(piece);
      combined = Adler32Combiner.combine(combined, encoded.adler32(), piece.length);
    }
    stream.writeBytes(ZlibStream.trailer(combined));
    Inflater inflater = new Inflater();
    inflater.setInput(stream.toByteArray());
    byte[] out = new byte[raw.size() + 16];
    int n = inflater.inflate(out);
    assertThat(inflater.finished()).isTrue();
    assertThat(inflater.getRemaining()).isZero();
    assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(raw.toByteArray());
  }

  @Test
  void storedPiecesAreFramedAsChunks() {
    EncodedPiece piece =
        PieceEncoder.forCustomArchive(Compression.none(), 3)
            .encode("abcdefg".getBytes(StandardCharsets.US_ASCII));
    assertThat(piece.bytes())
        .containsExactly(
            0, 3, 0, 0, 0, 'a', 'b', 'c', 0, 3, 0, 0, 0, 'd', 'e', 'f', 0, 1, 0, 0, 0, 'g');
    assertThat(PieceEncoder.forCustomArchive(Compression.none()).encode(new byte[0]).bytes())
        .isEmpty();
  }

  @Test
  void plainPiecesAreRawOrGzipMembers() throws Exception {
    byte[] text = "INSERT INTO t VALUES (1);\n".getBytes(StandardCharsets.US_ASCII);
    TextBuffer buffer = new TextBuffer().appendBytes(text);
    assertThat(PieceEncoder.forPlainScript(Compression.none()).encode(buffer).bytes())
        .isEqualTo(text);
    PieceEncoder gzip = PieceEncoder.forPlainScript(Compression.gzip(9));
    byte[] twoMembers = concat(gzip.encode(text).bytes(), gzip.encode(text).bytes());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(twoMembers))) {
      assertThat(in.readAllBytes()).isEqualTo(concat(text, text));
    }
    assertThat(gzip.encode(new byte[0]).bytes()).isEmpty();
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> PieceEncoder.forCustomArchive(Compression.none(), 0))
        .hasMessageContaining("Cannot use chunk size: 0");
    assertThatThrownBy(() -> PieceEncoder.forPlainScript(Compression.lz4(1)))
        .hasMessageContaining("Cannot encode script pieces");
    assertThatThrownBy(() -> Compression.lz4(13)).hasMessageContaining("expected 1 to 12");
    Compression zstd = Compression.zstd(3);
    assertThatThrownBy(() -> PieceEncoder.forPlainScript(zstd))
        .hasMessageContaining("Cannot encode script pieces");
    assertThatThrownBy(() -> Compression.zstd(23)).hasMessageContaining("expected 1 to 22");
  }

  @Test
  void chunkFramerRefusesToEmitAnEmptyChunk() {
    ArchiveOutput out = new ArchiveOutput(PositionedSink.inMemory());
    assertThatThrownBy(() -> out.writeChunk(new byte[0], 0, 0))
        .hasMessage("Cannot write chunk: length 0 (Int 0 ends the data block)");
  }

  @Test
  void pieceSourcesAndValidation(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("piece.bin");
    Files.write(file, new byte[] {1, 2, 3});
    FilePieceSource source = FilePieceSource.of(file);
    assertThat(source.length()).isEqualTo(3);
    try (var in = source.open()) {
      assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
    }
    assertThatThrownBy(() -> FilePieceSource.of(dir.resolve("missing")))
        .hasMessageContaining("Cannot read size of piece file");
    assertThatThrownBy(() -> new DataPiece(3, 4, 1, source))
        .hasMessageContaining("differs from its source's length 3");
    assertThatThrownBy(() -> new DataPiece(-1, 3, 1, source))
        .hasMessageContaining("raw length: -1");
    assertThatThrownBy(() -> new DataPiece(1, -3, 1, source))
        .hasMessageContaining("stored length: -3");
    assertThatThrownBy(() -> new DataPiece(1, 3, 1, null)).hasMessageContaining("source is null");
    assertThatThrownBy(() -> new ByteArrayPieceSource(null)).hasMessageContaining("bytes are null");
    assertThatThrownBy(() -> new FilePieceSource(null, 1)).hasMessageContaining("path is null");
    assertThatThrownBy(() -> new FilePieceSource(file, -1)).hasMessageContaining("length: -1");
    assertThatThrownBy(() -> new EncodedPiece(null, 0, 1)).hasMessageContaining("bytes are null");
    assertThatThrownBy(() -> new EncodedPiece(new byte[0], -1, 1))
        .hasMessageContaining("raw length: -1");
  }

  static byte[] unframe(byte[] framed, int maxChunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < framed.length) {
      assertThat(framed[i]).isZero();
      int length =
          (framed[i + 1] & 0xff)
              | (framed[i + 2] & 0xff) << 8
              | (framed[i + 3] & 0xff) << 16
              | (framed[i + 4] & 0xff) << 24;
      assertThat(length).isBetween(1, maxChunk);
      out.write(framed, i + 5, length);
      i += 5 + length;
    }
    return out.toByteArray();
  }

  static int adler(byte[] bytes) {
    Adler32 adler = new Adler32();
    adler.update(bytes);
    return (int) adler.getValue();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
