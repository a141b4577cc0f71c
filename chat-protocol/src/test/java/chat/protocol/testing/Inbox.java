package chat.protocol.testing;

import chat.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every frame one client received, in arrival order, each unread until a wait reads it. A wait reads only what
 * it asks for and leaves the rest unread, in order; nothing is ever removed from the record, so a failed wait
 * can say what arrived. Also holds how the connection ended, so that waits end as soon as nothing more can come.
 */
final class Inbox {
  private static final class Entry {
    final ServerMessage message;
    boolean read;

    Entry(ServerMessage message) {
      this.message = message;
    }
  }

  private final List<Entry> received = new ArrayList<>();
  private final LinkedList<Entry> unread = new LinkedList<>();
  private String name = "client";
  private String undecodable;
  private CloseStatus closed;

  /** Names the client in failure messages, e.g. by the user it joined as. */
  synchronized void name(String name) {
    this.name = name;
  }

  synchronized String name() {
    return name;
  }

  synchronized void add(ServerMessage message) {
    Entry entry = new Entry(message);
    received.add(entry);
    unread.add(entry);
    notifyAll();
  }

  /** The server broke the protocol: every wait from now on fails and says so. */
  synchronized void undecodable(String frame) {
    if (undecodable == null) {
      undecodable = frame;
    }
    notifyAll();
  }

  /** The connection ended; the first report wins (the server's close frame beats a later local cut). */
  synchronized void closed(CloseStatus status) {
    if (closed == null) {
      closed = status;
    }
    notifyAll();
  }

  synchronized boolean isClosed() {
    return closed != null;
  }

  /** "open", or "closed" and how, for failure messages. */
  synchronized String connection() {
    return closed == null ? "open" : "closed " + closed;
  }

  /** The earliest unread frame of the type that matches, now read; the frames around it stay unread. */
  synchronized <T extends ServerMessage> T take(String what, Class<T> type, Predicate<? super T> matching,
      Duration timeout) {
    return await(what, timeout, () -> {
      for (Iterator<Entry> pending = unread.iterator(); pending.hasNext(); ) {
        Entry entry = pending.next();
        if (matches(entry, type, matching)) {
          pending.remove();
          return read(entry, type);
        }
      }
      return null;
    });
  }

  /** As {@link #take}, and the unread frames before the match count as read too (they stay in the record). */
  synchronized <T extends ServerMessage> T skipTo(String what, Class<T> type, Predicate<? super T> matching,
      Duration timeout) {
    return await(what, timeout, () -> {
      int index = 0;
      for (Entry entry : unread) {
        if (matches(entry, type, matching)) {
          for (int i = 0; i <= index; i++) {
            unread.removeFirst().read = true;
          }
          return type.cast(entry.message);
        }
        index++;
      }
      return null;
    });
  }

  /**
   * The last frame of the type that matches among those received from index {@code from} on and before {@code
   * bound} (the very frame, not an equal one), now read; empty when there is none. Does not wait: for frames
   * that must have come before one already read, such as a join's history before its ack.
   */
  synchronized <T extends ServerMessage> Optional<T> readLastBefore(ServerMessage bound, int from, Class<T> type,
      Predicate<? super T> matching) {
    int end = received.size();
    while (end > from && received.get(end - 1).message != bound) {
      end--;
    }
    for (int i = end - 2; i >= from; i--) {
      Entry entry = received.get(i);
      if (matches(entry, type, matching)) {
        unread.remove(entry);
        return Optional.of(read(entry, type));
      }
    }
    return Optional.empty();
  }

  synchronized ServerMessage next(Duration timeout) {
    return await("the next frame", timeout, () -> unread.isEmpty() ? null : read(unread.removeFirst(),
        ServerMessage.class));
  }

  synchronized CloseStatus awaitClose(Duration timeout) {
    return await("the connection to close", timeout, () -> closed);
  }

  /** Waits up to the timeout for the end of the connection, without failing: for closing politely. */
  synchronized boolean closesWithin(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (closed == null && deadline - System.nanoTime() > 0) {
      waitUntil(deadline);
    }
    return closed != null;
  }

  /** The unread frames, in order, now read. */
  synchronized List<ServerMessage> drain() {
    List<ServerMessage> drained = unread();
    unread.forEach(entry -> entry.read = true);
    unread.clear();
    return drained;
  }

  synchronized List<ServerMessage> unread() {
    return unread.stream().map(entry -> entry.message).toList();
  }

  synchronized List<ServerMessage> received() {
    return received.stream().map(entry -> entry.message).toList();
  }

  /** How many frames arrived so far: where the frames that answer a request about to be sent will start. */
  synchronized int size() {
    return received.size();
  }

  /** The last frame of the type that matches received so far, read or not. */
  synchronized <T extends ServerMessage> Optional<T> latest(Class<T> type, Predicate<? super T> matching) {
    for (int i = received.size() - 1; i >= 0; i--) {
      if (matches(received.get(i), type, matching)) {
        return Optional.of(type.cast(received.get(i).message));
      }
    }
    return Optional.empty();
  }

  /** Tries until the attempt gives a result, failing once the timeout passes or nothing more can arrive. */
  private <R> R await(String what, Duration timeout, Supplier<R> attempt) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (undecodable != null) {
        throw failure("the server sent a frame the codec cannot read, " + undecodable + ", before " + what);
      }
      R result = attempt.get();
      if (result != null) {
        return result;
      }
      if (closed != null) {
        throw failure("the connection closed (" + closed + ") before " + what);
      }
      if (deadline - System.nanoTime() <= 0) {
        throw failure("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      waitUntil(deadline);
    }
  }

  private AssertionError failure(String problem) {
    return new AssertionError(name + ": " + problem + "\n" + FrameListing.of(
        received.stream().map(entry -> entry.message).toList(), i -> received.get(i).read, connection()));
  }

  private void waitUntil(long deadline) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(name + ": interrupted while waiting", e);
    }
  }

  private static <T> boolean matches(Entry entry, Class<T> type, Predicate<? super T> matching) {
    return type.isInstance(entry.message) && matching.test(type.cast(entry.message));
  }

  private static <T> T read(Entry entry, Class<T> type) {
    entry.read = true;
    return type.cast(entry.message);
  }
}
