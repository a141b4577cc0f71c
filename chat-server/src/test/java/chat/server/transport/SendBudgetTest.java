package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class SendBudgetTest {

  @Test
  void aQueueOverTheCapIsCaughtWithinAnEighthOfIt() {
    SendBudget budget = new SendBudget(8000);
    Queue<ByteBuffer> queue = new ArrayDeque<>();
    long queued = 0;
    boolean exceeded = false;
    while (!exceeded) {
      queue.add(ByteBuffer.allocate(100));
      queued += 100;
      exceeded = budget.exceededAfter(100, queue);
    }
    assertTrue(queued > 8000 && queued <= 9000, "caught at " + queued);
  }

  @Test
  void aQueueThatDrainsNeverTrips() {
    SendBudget budget = new SendBudget(1000);
    Queue<ByteBuffer> queue = new ArrayDeque<>();
    for (int i = 0; i < 100_000; i++) {
      queue.add(ByteBuffer.allocate(100));
      assertFalse(budget.exceededAfter(100, queue));
      if (queue.size() > 5) {
        queue.poll();
      }
    }
  }

  @Test
  void bytesAlreadyWrittenFromTheHeadBufferDoNotCount() {
    SendBudget budget = new SendBudget(1000);
    Queue<ByteBuffer> queue = new ArrayDeque<>();
    ByteBuffer head = ByteBuffer.allocate(5000);
    head.position(4900);
    queue.add(head);
    assertFalse(budget.exceededAfter(5000, queue));
  }
}
