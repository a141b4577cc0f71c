package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.config.ServerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The room logic over its in-memory seams, driven without sockets. By default room data goes out at once
 * ({@code ROOM_DATA_DELAY=0}), so every test runs on its own thread, deterministically; a harness with a delay
 * sends it from a real scheduler, which tests wait on with a timeout. Register it as a JUnit extension, or
 * close it.
 */
final class RoomHarness implements AfterEachCallback, AutoCloseable {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final InMemoryPresence presence = new InMemoryPresence();
  private final InMemoryRoomLog log = new InMemoryRoomLog();
  private final RoomService service;

  RoomHarness() {
    this("0");
  }

  RoomHarness(String roomDataDelayMillis) {
    ServerConfig config = ServerConfig.parse(new String[0], Map.of("ROOM_DATA_DELAY", roomDataDelayMillis));
    service = new RoomService(config, Clock.systemUTC(), log, new LocalRoomBus(), presence, scheduler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  RoomService service() {
    return service;
  }

  Presence presence() {
    return presence;
  }

  RoomLog log() {
    return log;
  }

  FakeConnection connect() {
    return new FakeConnection(service);
  }

  /** A connection that joined and has forgotten its greeting. */
  FakeConnection joined(String username, String room) {
    FakeConnection connection = connect();
    assertTrue(connection.join(username, room).isOk(), username + " could not join " + room);
    connection.peer().clear();
    return connection;
  }
}
