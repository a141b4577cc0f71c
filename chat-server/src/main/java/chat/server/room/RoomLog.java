package chat.server.room;

import chat.protocol.ServerMessage.History;
import java.util.List;

/**
 * A room's history and its one order: it numbers messages, keeps them, and runs what depends on that order.
 *
 * <p>Each room has a <em>sequence</em>: the outcome of every {@link #append}, and every {@link #run} task, runs
 * in the order the calls were made, one at a time, after the message was committed (stored for good). Room
 * logic publishes a message from its outcome, and subscribes or unsubscribes members in tasks, so members get
 * messages in id order, and a joiner's history and its live messages meet without a gap or an overlap. Outcomes
 * and tasks may run on the caller's thread (before the call returns) or on the log's own thread; they must not
 * block, and must not take a room's lock (callers may hold one).
 *
 * <p>Ids are consecutive per room, from 1, and never reused. Each room's ids belong to an epoch, which changes
 * only when the room's history was lost.
 */
public interface RoomLog {

  /**
   * Numbers the message, keeps it, and then reports the outcome in the room's sequence: posted, or, when the
   * sender ({@code senderKey}, its folded name) already sent the message's client id to this room within the
   * de-duplication window, the original id; or failed, when the message could not be stored.
   */
  void append(String room, RoomMessage message, String senderKey, Outcome then);

  /** Runs the task in the room's sequence: after the outcome of every earlier append to the room. */
  void run(String room, Runnable task);

  /**
   * What a joiner gets, as of this point in the room's sequence (call it from an outcome or a task): with
   * {@code since}, every message after it when that is the whole gap, else the latest {@code latest} messages.
   * See docs/protocol.md for the rules.
   */
  History replay(String room, Long since, String epoch, int latest);

  /** An older page, answered on any thread: the newest {@code limit} messages below {@code before} (or all). */
  void page(String room, Long before, int limit, long ref, Page then);

  /** Seats kept across restarts: the seat was taken (or its token renewed); written with the next commit. */
  void seatTaken(HeldSeat seat);

  /** The seat was given up; written with the next commit. */
  void seatFreed(String room, String userKey);

  /** The seats held when the server stopped, in the order they were taken (read at start-up). */
  List<HeldSeat> heldSeats();

  /** Null while the log works; otherwise a sentence for {@code /healthz}, naming the store. */
  String problem();

  /** What {@link #append} reports. */
  interface Outcome {
    /** The message was committed as it appears here, with its id. */
    void posted(chat.protocol.ServerMessage message, long id);

    /** The sender had already posted this client id: nothing new was posted. */
    void repeated(long id);

    /** The message could not be stored; it must go to nobody. */
    void failed();
  }

  /** What {@link #page} reports. */
  interface Page {
    void loaded(History history);

    void failed();
  }
}
