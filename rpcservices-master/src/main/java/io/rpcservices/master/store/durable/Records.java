package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import io.rpcservices.master.store.Reservation;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The values of the engine's records (see {@link Keys} for which record holds what). */
final class Records {
  private Records() {}

  static byte[] id(long id) {
    return new ByteWriter(8).writeLong(id).toByteArray();
  }

  static long readId(byte[] bytes) {
    ByteReader in = new ByteReader(bytes, 0);
    long id = in.readLong();
    in.end();
    return id;
  }

  static byte[] formatVersion(int version) {
    return new ByteWriter(4).writeInt(version).toByteArray();
  }

  static int readFormatVersion(byte[] bytes) {
    ByteReader in = new ByteReader(bytes, 0);
    int version = in.readInt();
    in.end();
    return version;
  }

  static byte[] reservation(Reservation reservation) {
    ByteWriter out = new ByteWriter(64).writeString(reservation.ticket());
    ValueCodec.writeInstant(out, reservation.deadline());
    ValueCodec.write(out, reservation.value());
    return out.toByteArray();
  }

  static Reservation readReservation(byte[] bytes) {
    ByteReader in = new ByteReader(bytes, 0);
    String ticket = in.readString();
    Instant deadline = ValueCodec.readInstant(in);
    Object value = ValueCodec.read(in);
    in.end();
    return new Reservation(ticket, value, deadline);
  }

  /** A parameter: the sequence number that orders it among its storage's, then its value. */
  static byte[] parameter(long sequence, @Nullable Object value) {
    ByteWriter out = new ByteWriter(24).writeLong(sequence);
    ValueCodec.write(out, value);
    return out.toByteArray();
  }

  static long readParameterSequence(ByteReader in) {
    return in.readLong();
  }

  /** A client: its mailbox id, then its record without the pending message count. */
  static byte[] client(long mailbox, ClientRecord record) {
    ByteWriter out =
        new ByteWriter(96)
            .writeLong(mailbox)
            .writeString(record.name())
            .writeString(record.address());
    ValueCodec.write(out, record.info());
    ValueCodec.writeInstant(out, record.loginTime());
    ValueCodec.writeInstant(out, record.lastVisit());
    out.writeString(record.status()).writeInt(record.visits());
    return out.toByteArray();
  }

  /** Reads a client record; {@code mailbox} receives its mailbox id. */
  static ClientRecord readClient(byte[] bytes, long[] mailbox) {
    ByteReader in = new ByteReader(bytes, 0);
    mailbox[0] = in.readLong();
    String name = in.readString();
    String address = in.readString();
    if (!(ValueCodec.read(in) instanceof Map<?, ?> info)) {
      throw new CorruptRecordException("client '" + name + "' has an info that is no struct");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) info;
    Instant loginTime = ValueCodec.readInstant(in);
    Instant lastVisit = ValueCodec.readInstant(in);
    String status = in.readString();
    int visits = in.readInt();
    in.end();
    return new ClientRecord(name, address, members, loginTime, lastVisit, status, visits, 0);
  }

  static byte[] message(ClientMessage message) {
    ByteWriter out = new ByteWriter(48);
    ValueCodec.write(out, message.from());
    ValueCodec.write(out, message.message());
    ValueCodec.writeInstant(out, message.sentAt());
    return out.toByteArray();
  }

  static ClientMessage readMessage(byte[] bytes) {
    ByteReader in = new ByteReader(bytes, 0);
    Object from = ValueCodec.read(in);
    if (from != null && !(from instanceof String)) {
      throw new CorruptRecordException("message sender is no string");
    }
    Object message = ValueCodec.read(in);
    Instant sentAt = ValueCodec.readInstant(in);
    in.end();
    return new ClientMessage((String) from, message, sentAt);
  }
}
