package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.ClientRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads every record of the engine into the stores' memory at open, checking as it goes: a record
 * that does not decode, or belongs to an owner that is not there, is corruption.
 */
final class Loader {
  private final DurableStackStore stacks;
  private final DurableParameterStore parameters;
  private final DurableClientStore clients;
  private final Map<Long, DurableStackStore.Stack> stacksById = new HashMap<>();
  private final Map<Long, DurableParameterStore.Storage> storagesById = new HashMap<>();
  private final Map<Long, DurableClientStore.Client> clientsByMailbox = new HashMap<>();

  private Loader(
      DurableStackStore stacks, DurableParameterStore parameters, DurableClientStore clients) {
    this.stacks = stacks;
    this.parameters = parameters;
    this.clients = clients;
  }

  /**
   * Loads the engine's records into the stores.
   *
   * @throws CorruptRecordException for a record that does not decode or has no owner
   */
  static void load(
      Engine engine,
      DurableStackStore stacks,
      DurableParameterStore parameters,
      DurableClientStore clients) {
    Loader loader = new Loader(stacks, parameters, clients);
    engine.scan(loader::record);
    loader.storagesById.values().forEach(DurableParameterStore.Storage::finishLoad);
  }

  private void record(byte[] key, byte[] value) {
    if (key.length == 0) {
      throw new CorruptRecordException("empty key");
    }
    int kind = key[0] & 0xFF;
    switch (kind) {
      case Keys.META -> {}
      case Keys.STACK -> {
        long id = Records.readId(value);
        stacksById.put(id, stacks.load(Keys.name(key, 1), id));
      }
      case Keys.ITEM ->
          owner(stacksById, key, "stack").loadItem(Keys.position(key), ValueCodec.decode(value));
      case Keys.RESERVATION ->
          owner(stacksById, key, "stack")
              .loadReservation(Keys.position(key), Records.readReservation(value));
      case Keys.STORAGE -> {
        long id = Records.readId(value);
        storagesById.put(id, parameters.load(Keys.name(key, 1), id));
      }
      case Keys.PARAMETER -> loadParameter(key, value);
      case Keys.CLIENT -> {
        long[] mailbox = new long[1];
        ClientRecord record = Records.readClient(value, mailbox);
        if (!record.name().equals(Keys.name(key, 1))) {
          throw new CorruptRecordException("client record under another name: " + record.name());
        }
        clientsByMailbox.put(mailbox[0], clients.load(mailbox[0], record));
      }
      case Keys.MESSAGE ->
          owner(clientsByMailbox, key, "mailbox")
              .loadMessage(Keys.position(key), Records.readMessage(value));
      default -> throw new CorruptRecordException("unknown record kind " + kind);
    }
  }

  private void loadParameter(byte[] key, byte[] value) {
    if (key.length < 9) {
      throw new CorruptRecordException("parameter key of " + key.length + " bytes");
    }
    DurableParameterStore.Storage storage = owner(storagesById, key, "storage");
    ByteReader in = new ByteReader(value, 0);
    long sequence = Records.readParameterSequence(in);
    Object parameter = ValueCodec.read(in);
    in.end();
    storage.loadParameter(Keys.name(key, 9), sequence, parameter);
  }

  private static <T> T owner(Map<Long, T> owners, byte[] key, String what) {
    if (key.length < 9) {
      throw new CorruptRecordException("record key of " + key.length + " bytes");
    }
    long id = Keys.owner(key);
    T owner = owners.get(id);
    if (owner == null) {
      throw new CorruptRecordException("record of unknown " + what + " " + id);
    }
    return owner;
  }
}
