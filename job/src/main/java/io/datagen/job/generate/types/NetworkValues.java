package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Network addresses in PostgreSQL's input syntax: {@code inet} hosts (IPv4 in public unicast
 * ranges, or IPv6 under 2001:db8::/32 for one value in {@link #v6Share}), {@code cidr} networks
 * (host bits zero, as cidr requires) and {@code macaddr}.
 */
public final class NetworkValues extends ValueSource {
  /** Which value shape to write. */
  public enum Shape {
    INET,
    CIDR,
    MACADDR,
    IPV4,
    IPV6
  }

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Shape shape;
  private final double v6Share;
  private final long key;
  private final TextBuffer scratch = new TextBuffer(64);

  /**
   * @param v6Share the share of IPv6 values for INET and CIDR (ignored otherwise)
   */
  public NetworkValues(Shape shape, double v6Share, long key) {
    this.shape = shape;
    this.v6Share = v6Share;
    this.key = key;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.clear();
    long bits = rng.nextLong(row, 0);
    long more = rng.nextLong(row, 1);
    switch (shape) {
      case MACADDR -> mac(bits);
      case IPV4 -> ipv4Host(bits);
      case IPV6 -> ipv6(bits, more, 128);
      case INET -> {
        if (rng.chance(row, 2, v6Share)) {
          ipv6(bits, more, 128);
        } else {
          ipv4Host(bits);
        }
      }
      case CIDR -> {
        if (rng.chance(row, 2, v6Share)) {
          ipv6(bits, 0, 32 + 16 * rng.nextInt(row, 3, 3));
        } else {
          ipv4Network(bits, 8 + rng.nextInt(row, 3, 25));
        }
      }
    }
    out.literal(scratch.array(), 0, scratch.length());
  }

  /**
   * Unique values: distinct indexes give distinct addresses (IPv6 and MAC from a bijective mix of
   * the index).
   */
  @Override
  public long domainSize() {
    return shape == Shape.MACADDR ? 1L << 40 : shape == Shape.IPV4 ? 1L << 24 : Long.MAX_VALUE;
  }

  @Override
  public void emit(long index, ValueSink out) {
    scratch.clear();
    long mixed = StableHash.mix64(index + key);
    switch (shape) {
      case MACADDR -> mac((2L << 40) | index); // 02:xx:xx:xx:xx:xx, the index in the low 40 bits
      case IPV4 -> octets(10L << 24 | index, 4); // 10.0.0.0/8: 2^24 distinct hosts
      case CIDR -> ipv6(mixed, 0, 96); // 64 bits of the mixed index survive a /96
      default -> ipv6(mixed, StableHash.mix64(mixed), 128);
    }
    out.literal(scratch.array(), 0, scratch.length());
  }

  private void ipv4Host(long bits) {
    int first = 1 + (int) Long.remainderUnsigned(bits >>> 32, 223); // 1..223
    if (first == 10 || first == 127) {
      first++;
    }
    octets(((long) first << 24) | (bits & 0xff_ffffL), 4);
    if ((bits & 0xff) == 0 || (bits & 0xff) == 255) {
      scratch.truncate(scratch.length() - ((bits & 0xff) == 0 ? 1 : 3)).appendByte('7');
    }
  }

  private void ipv4Network(long bits, int prefix) {
    long address = (bits & 0xffff_ffffL) | (1L << 31 >> 1); // never 0.x
    address &= (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
    octets(address, 4);
    scratch.appendByte('/').appendLong(prefix);
  }

  private void octets(long address, int count) {
    for (int i = count - 1; i >= 0; i--) {
      scratch.appendLong((address >>> (8 * i)) & 0xff);
      if (i > 0) {
        scratch.appendByte('.');
      }
    }
  }

  /**
   * 2001:db8:xxxx:... groups without leading zeros; {@code prefix} &lt; 128 writes a zero-host
   * network.
   */
  private void ipv6(long high, long low, int prefix) {
    int[] groups = {
      0x2001,
      0x0db8,
      (int) (high >>> 48) & 0xffff,
      (int) (high >>> 32) & 0xffff,
      (int) (high >>> 16) & 0xffff,
      (int) high & 0xffff,
      (int) (low >>> 16) & 0xffff,
      (int) low & 0xffff
    };
    for (int g = 0; g < 8; g++) {
      int keep = Math.max(0, Math.min(16, prefix - 16 * g));
      int value = keep == 0 ? 0 : groups[g] & (0xffff << (16 - keep));
      if (g > 0) {
        scratch.appendByte(':');
      }
      hexNoLeadingZeros(value);
    }
    if (prefix < 128) {
      scratch.appendByte('/').appendLong(prefix);
    }
  }

  private void hexNoLeadingZeros(int value) {
    boolean started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int d = (value >>> shift) & 0xf;
      if (d != 0 || started || shift == 0) {
        scratch.appendByte(HEX[d]);
        started = true;
      }
    }
  }

  private void mac(long bits) {
    for (int i = 5; i >= 0; i--) {
      int b = (int) (bits >>> (8 * i)) & 0xff;
      if (i == 5) {
        b = (b & 0xfc) | 0x02; // locally administered, unicast
      }
      scratch.appendByte(HEX[b >> 4]).appendByte(HEX[b & 0xf]);
      if (i > 0) {
        scratch.appendByte(':');
      }
    }
  }
}
