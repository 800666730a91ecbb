package io.datagen.archive.read;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import io.datagen.archive.ArchiveFormat;
import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.BlockType;
import io.datagen.archive.Compression;
import io.datagen.archive.CompressionAlgorithm;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * Reads custom-format and directory-format archives, versions 1.12 to 1.16: our own and pg_dump's.
 * Gives the header, the TOC and each entry's decompressed data (none, gzip, lz4 or zstd).
 *
 * <p>A directory archive is read as pg_restore 16–18 read it: {@code toc.dat} (format byte 3), each
 * data entry naming its file; the file is the name itself if it exists, else the first of {@code
 * .gz}, {@code .lz4}, {@code .zst} that does, and its suffix says how it is compressed (members and
 * frames one after another).
 */
public final class ArchiveReader {
  private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
  private static final ArchiveVersion OLDEST = ArchiveVersion.K_VERS_1_12;

  /** pg_restore's K_VERS_MAX for 17/18. */
  private static final ArchiveVersion NEWEST = new ArchiveVersion(1, 16, 127);

  private static final int MAX_INT_SIZE = 32;

  private final RandomAccessBytes source;
  private final Path directory;
  private final ArchiveHeader header;
  private final int intSize;
  private final int offSize;
  private final List<ReadTocEntry> entries;
  private final long tocEnd;

  /**
   * @param directory the archive's directory when {@code source} is its toc.dat; null for a custom
   *     archive
   */
  private ArchiveReader(RandomAccessBytes source, Path directory) throws IOException {
    this.source = source;
    this.directory = directory;
    try (InputStream in = source.openAt(0)) {
      ArchiveInput input = new ArchiveInput(in, 0);
      byte[] magic = input.readBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new ArchiveFormatException("Cannot read archive: magic is not PGDMP");
      }
      ArchiveVersion version = readVersion(input);
      intSize = input.readByte();
      offSize = input.readByte();
      if (intSize < 1 || intSize > MAX_INT_SIZE || offSize < 1 || offSize > MAX_INT_SIZE) {
        throw new ArchiveFormatException(
            "Cannot read archive: intSize " + intSize + ", offSize " + offSize);
      }
      input.setSizes(intSize, offSize);
      int formatCode = input.readByte();
      ArchiveFormat expected = directory == null ? ArchiveFormat.CUSTOM : ArchiveFormat.TAR;
      if (formatCode != expected.code()) {
        throw new ArchiveFormatException(
            "Cannot read archive format: "
                + formatCode
                + (directory == null
                    ? " (a custom archive says 1; 3 is a directory archive's toc.dat or tar)"
                    : " in " + DirectoryFiles.TOC_FILE + " (a directory archive's says 3)"));
      }
      header = readHeaderRest(input, version);
      entries = readToc(input, version, directory != null);
      tocEnd = input.position();
    }
  }

  /** A custom archive file, or a directory archive's directory. */
  public static ArchiveReader open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return new ArchiveReader(RandomAccessBytes.of(DirectoryFiles.toc(path)), path);
    }
    return new ArchiveReader(RandomAccessBytes.of(path), null);
  }

  /** A custom archive in memory. */
  public static ArchiveReader of(byte[] bytes) throws IOException {
    return new ArchiveReader(RandomAccessBytes.of(bytes), null);
  }

  /** Whether this is a directory archive (else a custom one). */
  public boolean isDirectory() {
    return directory != null;
  }

  private static ArchiveVersion readVersion(ArchiveInput input) throws IOException {
    int major = input.readByte();
    int minor = input.readByte();
    int rev = input.readByte();
    if (major > 127 || minor > 127 || rev > 127) {
      throw new ArchiveFormatException(
          "Cannot read archive version: "
              + major
              + "."
              + minor
              + "."
              + rev
              + " (a byte >= 128 is read as negative by pg_restore)");
    }
    ArchiveVersion version = new ArchiveVersion(major, minor, rev);
    if (version.compareTo(OLDEST) < 0 || version.compareTo(NEWEST) > 0) {
      throw new ArchiveFormatException(
          "Cannot read archive version: " + version + " (supported: 1.12 to 1.16)");
    }
    return version;
  }

  private static ArchiveHeader readHeaderRest(ArchiveInput input, ArchiveVersion version)
      throws IOException {
    Compression compression;
    try {
      if (version.isAtLeast(ArchiveVersion.K_VERS_1_15)) {
        compression = Compression.fromAlgorithm(CompressionAlgorithm.fromCode(input.readByte()));
      } else {
        compression = Compression.fromHeaderLevel(input.readInt());
      }
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException("Cannot read archive header: " + e.getMessage(), e);
    }
    int sec = input.readInt();
    int min = input.readInt();
    int hour = input.readInt();
    int mday = input.readInt();
    int mon = input.readInt();
    int year = input.readInt();
    input.readInt(); // tm_isdst
    LocalDateTime created;
    try {
      created = LocalDateTime.of(year + 1900, mon + 1, mday, hour, min, Math.min(sec, 59));
    } catch (DateTimeException e) {
      throw new ArchiveFormatException("Cannot read archive creation time: " + e.getMessage(), e);
    }
    String database = input.readStr();
    String serverVersion = input.readStr();
    String dumpVersion = input.readStr();
    return new ArchiveHeader(
        version,
        compression,
        created,
        nullToEmpty(database),
        nullToEmpty(serverVersion),
        nullToEmpty(dumpVersion));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static List<ReadTocEntry> readToc(
      ArchiveInput input, ArchiveVersion version, boolean fileNames) throws IOException {
    int count = input.readInt();
    if (count < 0) {
      throw new ArchiveFormatException("Cannot read TOC: entry count " + count);
    }
    List<ReadTocEntry> result = new ArrayList<>(Math.min(count, 10_000));
    for (int i = 0; i < count; i++) {
      result.add(readEntry(input, version, fileNames));
    }
    return List.copyOf(result);
  }

  private static ReadTocEntry readEntry(
      ArchiveInput input, ArchiveVersion version, boolean fileNames) throws IOException {
    long start = input.position();
    int dumpId = input.readInt();
    boolean hadDumper = input.readInt() != 0;
    String tableOid = input.readStr();
    String oid = input.readStr();
    String tag = input.readStr();
    String desc = input.readStr();
    int sectionCode = input.readInt();
    String defn = input.readStr();
    String dropStmt = input.readStr();
    String copyStmt = input.readStr();
    String namespace = input.readStr();
    String tablespace = input.readStr();
    String tableAm = version.isAtLeast(ArchiveVersion.K_VERS_1_14) ? input.readStr() : null;
    int relkind = version.isAtLeast(ArchiveVersion.K_VERS_1_16) ? input.readInt() : 0;
    String owner = input.readStr();
    String withOids = input.readStr();
    List<Integer> dependencies = new ArrayList<>();
    for (String dependency = input.readStr(); dependency != null; dependency = input.readStr()) {
      try {
        dependencies.add(Integer.parseInt(dependency.trim()));
      } catch (NumberFormatException e) {
        throw new ArchiveFormatException(
            "Cannot read TOC entry " + dumpId + ": dependency \"" + dependency + "\"", e);
      }
    }
    // Field 18: the custom format's data offset, or the directory format's data file name.
    ArchiveInput.ReadOffset offset = fileNames ? null : input.readOffset();
    String fileName = fileNames ? input.readStr() : null;
    if (fileNames && fileName == null) {
      throw new ArchiveFormatException(
          "Cannot read TOC entry "
              + dumpId
              + ": its file name is NULL (pg_restore would crash; pg_dump writes \"\")");
    }
    try {
      TocEntry entry =
          new TocEntry(
              dumpId,
              hadDumper,
              tableOid,
              oid,
              tag,
              desc,
              Section.fromCode(sectionCode),
              defn,
              dropStmt,
              copyStmt,
              namespace,
              tablespace,
              tableAm,
              owner,
              dependencies);
      return fileNames
          ? new ReadTocEntry(entry, relkind, withOids, null, 0, fileName)
          : new ReadTocEntry(entry, relkind, withOids, offset.flag(), offset.position());
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException(
          "Cannot read TOC entry at position " + start + ": " + e.getMessage(), e);
    }
  }

  public ArchiveHeader header() {
    return header;
  }

  public List<ReadTocEntry> entries() {
    return entries;
  }

  public Optional<ReadTocEntry> entry(int dumpId) {
    return entries.stream().filter(e -> e.dumpId() == dumpId).findFirst();
  }

  /** Position of the first byte after the TOC (where pg_dump's first data block starts). */
  public long tocEnd() {
    return tocEnd;
  }

  /** The decompressed data of an entry. */
  public byte[] readData(int dumpId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copyData(dumpId, out);
    return out.toByteArray();
  }

  /** Streams the decompressed data of an entry into {@code out}. */
  public void copyData(int dumpId, OutputStream out) throws IOException {
    if (directory != null) {
      DirectoryFiles.copyData(dataFile(dumpId), out);
      return;
    }
    CompressionAlgorithm algorithm = header.compression().algorithm();
    try (BlockInput block = openBlock(dumpId)) {
      if (algorithm == CompressionAlgorithm.NONE) {
        for (byte[] chunk = block.nextChunk(); chunk != null; chunk = block.nextChunk()) {
          out.write(chunk);
        }
      } else if (algorithm == CompressionAlgorithm.ZSTD) {
        unzstd(dumpId, block, out);
      } else if (algorithm == CompressionAlgorithm.LZ4) {
        unlz4(block, out);
      } else {
        inflate(dumpId, block, out);
      }
    }
  }

  /** How many bytes an entry's data takes in the archive: its chunks, or its data file. */
  public long storedBytes(int dumpId) throws IOException {
    if (directory != null) {
      return Files.size(dataFile(dumpId));
    }
    return chunkLengths(dumpId).stream().mapToLong(Integer::longValue).sum();
  }

  /** A directory archive's data file of an entry, as pg_restore 16–18 find it. */
  public Path dataFile(int dumpId) throws IOException {
    if (directory == null) {
      throw new ArchiveFormatException(
          "Cannot find the data file of dumpId " + dumpId + ": a custom archive has none");
    }
    ReadTocEntry entry = dataEntry(dumpId);
    return DirectoryFiles.find(directory, entry.fileName());
  }

  /** The lengths of the chunks of a custom archive entry's data block, as stored. */
  public List<Integer> chunkLengths(int dumpId) throws IOException {
    if (directory != null) {
      throw new ArchiveFormatException(
          "Cannot list chunks of dumpId " + dumpId + ": a directory archive's files have none");
    }
    List<Integer> lengths = new ArrayList<>();
    try (BlockInput block = openBlock(dumpId)) {
      for (byte[] chunk = block.nextChunk(); chunk != null; chunk = block.nextChunk()) {
        lengths.add(chunk.length);
      }
    }
    return lengths;
  }

  /**
   * Where an entry's data block really starts, found by scanning block headers from the TOC's end.
   */
  public long scanBlockStart(int dumpId) throws IOException {
    try (InputStream in = source.openAt(tocEnd)) {
      ArchiveInput input = new ArchiveInput(in, tocEnd);
      input.setSizes(intSize, offSize);
      while (input.position() < source.length()) {
        long blockStart = input.position();
        BlockType type = readBlockType(input);
        int id = input.readInt();
        if (id == dumpId) {
          return blockStart;
        }
        if (type != BlockType.BLK_DATA) {
          throw new ArchiveFormatException(
              "Cannot scan past block of type " + type + " for dumpId " + id);
        }
        for (int length = input.readInt(); length != 0; length = input.readInt()) {
          input.skip(length);
        }
      }
    }
    throw new ArchiveFormatException("Cannot find data block of dumpId " + dumpId + " in archive");
  }

  private static BlockType readBlockType(ArchiveInput input) throws IOException {
    int code = input.readByte();
    try {
      return BlockType.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException(
          "Cannot read data block at position " + (input.position() - 1) + ": " + e.getMessage(),
          e);
    }
  }

  private ReadTocEntry dataEntry(int dumpId) throws ArchiveFormatException {
    ReadTocEntry entry =
        entry(dumpId)
            .orElseThrow(
                () ->
                    new ArchiveFormatException(
                        "Cannot read data of dumpId " + dumpId + ": no such TOC entry"));
    if (!entry.hasData()) {
      throw new ArchiveFormatException(
          "Cannot read data of dumpId "
              + dumpId
              + ": entry has no data ("
              + entry.entry().desc()
              + (entry.fileName() != null ? ", no file name" : ", offset " + entry.offsetFlag())
              + ")");
    }
    return entry;
  }

  private BlockInput openBlock(int dumpId) throws IOException {
    ReadTocEntry entry = dataEntry(dumpId);
    long start = entry.offsetFlag() == OffsetFlag.SET ? entry.offset() : scanBlockStart(dumpId);
    InputStream in = source.openAt(start);
    ArchiveInput input = new ArchiveInput(in, start);
    input.setSizes(intSize, offSize);
    BlockType type = readBlockType(input);
    int id = input.readInt();
    if (type != BlockType.BLK_DATA || id != dumpId) {
      in.close();
      throw new ArchiveFormatException(
          "Cannot read data of dumpId "
              + dumpId
              + ": found block "
              + type
              + " for dumpId "
              + id
              + " at position "
              + start);
    }
    return new BlockInput(in, input, dumpId);
  }

  /**
   * Decodes a zstd block as pg_restore 16–18 reads it: frame after frame, where a frame must end
   * with a chunk (pg_restore drops the rest of a chunk once a frame is complete, so bytes there
   * would be lost: an error here).
   */
  private static void unzstd(int dumpId, BlockInput block, OutputStream out) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    for (byte[] chunk = block.nextChunk(); chunk != null; chunk = block.nextChunk()) {
      frame.write(chunk);
      byte[] bytes = frame.toByteArray();
      long size = completeFrameSize(bytes);
      if (size < 0) {
        continue; // the frame goes on in the next chunk
      }
      if (size != bytes.length) {
        throw new ArchiveFormatException(
            "Cannot read data of dumpId "
                + dumpId
                + ": a zstd frame ends "
                + (bytes.length - size)
                + " bytes before the end of its chunk (pg_restore would drop those bytes)");
      }
      try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(bytes))) {
        in.transferTo(out);
      }
      frame.reset();
    }
    if (frame.size() > 0) {
      throw new ArchiveFormatException(
          "Cannot read data of dumpId " + dumpId + ": zstd frame is truncated");
    }
  }

  /**
   * Decodes an lz4 block as pg_restore 16–18 read it: every byte of every chunk through one LZ4F
   * stream, frame after frame, whatever the chunking.
   */
  private static void unlz4(BlockInput block, OutputStream out) throws IOException {
    InputStream chunks =
        new InputStream() {
          private byte[] chunk = new byte[0];
          private int at;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            while (at == chunk.length) {
              byte[] next = block.nextChunk();
              if (next == null) {
                return -1;
              }
              chunk = next;
              at = 0;
            }
            int n = Math.min(length, chunk.length - at);
            System.arraycopy(chunk, at, buffer, offset, n);
            at += n;
            return n;
          }
        };
    try (InputStream in = new LZ4FrameInputStream(chunks)) {
      in.transferTo(out);
    }
  }

  /** The size of the zstd frame at the start of {@code bytes}, or -1 while it is incomplete. */
  static long completeFrameSize(byte[] bytes) {
    try {
      long size = Zstd.findFrameCompressedSize(bytes);
      return Zstd.isError(size) ? -1 : size;
    } catch (ZstdException incomplete) {
      return -1;
    }
  }

  private static void inflate(int dumpId, BlockInput block, OutputStream out) throws IOException {
    Inflater inflater = new Inflater();
    byte[] buffer = new byte[64 * 1024];
    try {
      for (byte[] chunk = block.nextChunk(); chunk != null; chunk = block.nextChunk()) {
        if (inflater.finished()) {
          throw new ArchiveFormatException(
              "Cannot read data of dumpId "
                  + dumpId
                  + ": bytes after the end of the zlib stream (pg_restore would hang)");
        }
        inflater.setInput(chunk);
        while (!inflater.needsInput() && !inflater.finished()) {
          int n = inflater.inflate(buffer);
          out.write(buffer, 0, n);
          if (n == 0 && inflater.needsDictionary()) {
            throw new ArchiveFormatException(
                "Cannot read data of dumpId " + dumpId + ": zlib stream needs a dictionary");
          }
        }
        if (inflater.finished() && inflater.getRemaining() > 0) {
          throw new ArchiveFormatException(
              "Cannot read data of dumpId "
                  + dumpId
                  + ": bytes after the end of the zlib stream (pg_restore would hang)");
        }
      }
      if (!inflater.finished()) {
        throw new ArchiveFormatException(
            "Cannot read data of dumpId " + dumpId + ": zlib stream is truncated");
      }
    } catch (DataFormatException e) {
      throw new ArchiveFormatException(
          "Cannot read data of dumpId " + dumpId + ": " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** The chunks of one block, read lazily. */
  private static final class BlockInput implements AutoCloseable {
    private final InputStream stream;
    private final ArchiveInput input;
    private final int dumpId;
    private boolean ended;

    BlockInput(InputStream stream, ArchiveInput input, int dumpId) {
      this.stream = stream;
      this.input = input;
      this.dumpId = dumpId;
    }

    /** The next chunk's bytes, or null at the Int 0 end marker. */
    byte[] nextChunk() throws IOException {
      if (ended) {
        return null;
      }
      int length = input.readInt();
      if (length == 0) {
        ended = true;
        return null;
      }
      if (length < 0) {
        throw new ArchiveFormatException(
            "Cannot read data of dumpId " + dumpId + ": chunk length " + length);
      }
      return input.readBytes(length);
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
