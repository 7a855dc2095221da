package io.rpcservices.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lays out one screen of the monitor: a header, then a table each for clients, stacks, storages.
 */
final class MonitorFrame {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private MonitorFrame() {}

  /** The frame for {@code snapshot} of the master at {@code url}, taken at {@code now} (UTC). */
  static String render(String url, MonitorSnapshot snapshot, LocalDateTime now) {
    StringBuilder frame = new StringBuilder();
    frame.append("rpcservices monitor  ").append(url).append("  ").append(TIME.format(now));
    frame.append(" UTC\n");

    List<List<String>> clients = new ArrayList<>();
    clients.add(List.of("NAME", "HOST", "STATUS", "LAST VISIT (UTC)"));
    snapshot
        .clients()
        .forEach(
            (name, record) ->
                clients.add(
                    List.of(
                        name,
                        text(record.get("host")),
                        text(record.get("status")),
                        text(record.get("lastVisit")))));
    section(frame, "Clients", clients);

    List<List<String>> stacks = new ArrayList<>();
    stacks.add(List.of("NAME", "SIZE"));
    snapshot.stackSizes().forEach((name, size) -> stacks.add(List.of(name, text(size))));
    section(frame, "Stacks", stacks);

    List<List<String>> storages = new ArrayList<>();
    storages.add(List.of("NAME"));
    snapshot.storages().forEach(name -> storages.add(List.of(name)));
    section(frame, "Storages", storages);
    return frame.toString();
  }

  private static void section(StringBuilder frame, String title, List<List<String>> rows) {
    frame.append('\n').append(title).append(" (").append(rows.size() - 1).append(")\n");
    if (rows.size() == 1) {
      frame.append("  (none)\n");
      return;
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
      }
      frame.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String text(@Nullable Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof LocalDateTime time) {
      return TIME.format(time);
    }
    return String.valueOf(value);
  }
}
