package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {
  private final PendingRequests pending = new PendingRequests();

  @Test
  void anOkAckCompletesItsRequest() {
    long ref = pending.nextRef();
    CompletableFuture<ServerMessage.Ack> answer = pending.await(ref);
    pending.answer(ServerMessage.Ack.ok(ref));
    assertTrue(answer.isDone() && !answer.isCompletedExceptionally());
  }

  @Test
  void protocolV2AcksWithAnIdOrAResumeTokenAreOkToo() {
    long join = pending.nextRef();
    long send = pending.nextRef();
    CompletableFuture<ServerMessage.Ack> joined = pending.await(join);
    CompletableFuture<ServerMessage.Ack> sent = pending.await(send);
    pending.answer(ServerMessage.Ack.joined(join, "t1"));
    pending.answer(ServerMessage.Ack.posted(send, 57));
    assertEquals("t1", joined.join().resumeToken(), "the join's ack, for its token");
    assertEquals(57L, sent.join().id());
  }

  @Test
  void anErrorAckFailsWithTheServersMessage() {
    long ref = pending.nextRef();
    CompletableFuture<ServerMessage.Ack> answer = pending.await(ref);
    pending.answer(ServerMessage.Ack.failed(ref, ErrorCode.NAME_TAKEN, "Username is in use!"));
    assertEquals("Username is in use!", RequestFailedException.reasonOf(answer.handle((v, e) -> e).join()));
  }

  @Test
  void anAckAfterTheTimeoutChangesNothing() {
    long ref = pending.nextRef();
    CompletableFuture<ServerMessage.Ack> answer = pending.await(ref);
    pending.fail(ref, "The server did not answer in time");
    pending.answer(ServerMessage.Ack.ok(ref));
    assertEquals("The server did not answer in time",
        RequestFailedException.reasonOf(answer.handle((v, e) -> e).join()));
  }

  @Test
  void failingAllEndsEveryWaitingRequest() {
    CompletableFuture<ServerMessage.Ack> first = pending.await(pending.nextRef());
    CompletableFuture<ServerMessage.Ack> second = pending.await(pending.nextRef());
    pending.failAll("The connection was lost");
    assertTrue(first.isCompletedExceptionally() && second.isCompletedExceptionally());
  }

  @Test
  void refsAreDistinctAndIncreasing() {
    long first = pending.nextRef();
    assertTrue(pending.nextRef() > first);
  }
}
