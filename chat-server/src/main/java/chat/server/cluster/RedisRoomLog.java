package chat.server.cluster;

import chat.protocol.ServerMessage.History;
import chat.server.room.HeldSeat;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The room log shared by every node: the post script numbers, stores and publishes each message in one atomic
 * step, so every node sees one order; the {@link RoomFeed} hands it on in that order. History comes from the
 * room's log in Redis (bounded by {@code --history-limit}; it expires {@code --history-max-age} after the
 * room's last message). Seats live in the {@link RedisPresence}, shared, so none are kept for a restart here.
 */
final class RedisRoomLog implements RoomLog {
  private final RoomFeed feed;
  private final ClusterReplay replays;
  private final RedisPresence presence;
  private final RedisLink link;
  private final ClusterKeys keys;
  private final Executor pages;

  RedisRoomLog(RoomFeed feed, ClusterReplay replays, RedisPresence presence, RedisLink link, ClusterKeys keys,
      Executor pages) {
    this.feed = feed;
    this.replays = replays;
    this.presence = presence;
    this.link = link;
    this.keys = keys;
    this.pages = pages;
  }

  @Override
  public void append(String room, RoomMessage message, String senderKey, Outcome then) {
    feed.append(room, message, senderKey, then);
  }

  @Override
  public void run(String room, Runnable task) {
    feed.run(room, task);
  }

  @Override
  public History replay(String room, Long since, String epoch, int latest) {
    PublishedRoom state = feed.published(room);
    if (state == null) {
      // The room could not be followed (Redis went away meanwhile): the join goes on without a history.
      return new History(null, room, "", List.of(), true, since == null ? null : false);
    }
    return replays.replay(room, state, since, epoch, latest);
  }

  @Override
  public void page(String room, Long before, int limit, long ref, Page then) {
    PublishedRoom state = feed.published(room);
    String epoch = state != null ? state.epoch() : null;
    long firstId = state != null ? state.firstId() : 1;
    if (epoch == null) {
      link.commands().hget(keys.room(room), "epoch").thenCompose(stored ->
          replays.page(room, stored == null ? "" : stored, firstId, before, limit, ref))
          .whenCompleteAsync((history, error) -> report(history, error, then), pages);
      return;
    }
    replays.page(room, epoch, firstId, before, limit, ref)
        .whenCompleteAsync((history, error) -> report(history, error, then), pages);
  }

  @Override
  public void seatTaken(HeldSeat seat) {
    presence.tokenIssued(seat);
  }

  @Override
  public void seatFreed(String room, String userKey) {
    // The presence's release gave the seat up in Redis.
  }

  @Override
  public List<HeldSeat> heldSeats() {
    return List.of(); // seats are the cluster's; a node that stops leaves its seats to the others
  }

  @Override
  public String problem() {
    return link.problem();
  }

  private static void report(History history, Throwable error, Page then) {
    if (error == null) {
      then.loaded(history);
    } else {
      then.failed();
    }
  }
}
