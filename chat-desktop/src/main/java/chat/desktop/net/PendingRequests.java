package chat.desktop.net;

import chat.protocol.ServerMessage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Requests waiting for their ack, by ref: each ends exactly once, by its ack, a failure or its timeout. */
final class PendingRequests {
  private final AtomicLong refs = new AtomicLong();
  private final Map<Long, CompletableFuture<ServerMessage.Ack>> waiting = new ConcurrentHashMap<>();

  long nextRef() {
    return refs.incrementAndGet();
  }

  /** Completes with the successful ack (a join's carries its resume token), or fails with the ack's error. */
  CompletableFuture<ServerMessage.Ack> await(long ref) {
    CompletableFuture<ServerMessage.Ack> answer = new CompletableFuture<>();
    waiting.put(ref, answer);
    answer.whenComplete((done, error) -> waiting.remove(ref));
    return answer;
  }

  /** Completes the request the ack answers; an ack for no waiting request (late, after a timeout) is dropped. */
  void answer(ServerMessage.Ack ack) {
    CompletableFuture<ServerMessage.Ack> answer = waiting.remove(ack.ref());
    if (answer != null && ack.isOk()) {
      answer.complete(ack);
    } else if (answer != null) {
      answer.completeExceptionally(
          RequestFailedException.refused(ack.error(), ack.errorCode().orElse(null), ack.retryAfterMs()));
    }
  }

  void fail(long ref, String reason) {
    CompletableFuture<ServerMessage.Ack> answer = waiting.remove(ref);
    if (answer != null) {
      answer.completeExceptionally(new RequestFailedException(reason));
    }
  }

  void failAll(String reason) {
    for (Long ref : waiting.keySet()) {
      fail(ref, reason);
    }
  }
}
