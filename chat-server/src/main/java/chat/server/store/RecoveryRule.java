package chat.server.store;

import chat.protocol.ServerMessage;
import java.util.List;

/**
 * The history rules every room log shares (docs/protocol.md), whatever holds the messages: when a resume may
 * recover, and whether a page has older messages before it.
 */
public final class RecoveryRule {
  private final int maxRecovery;

  public RecoveryRule(int maxRecovery) {
    this.maxRecovery = maxRecovery;
  }

  /**
   * True when the gap after {@code since} can be the whole gap: the same epoch (or none asked), nothing of it
   * pruned ({@code firstId} is the lowest id still kept), and at most {@code --max-recovery} messages.
   */
  public boolean recoverable(long since, String askedEpoch, String epoch, long firstId, long lastId) {
    return (askedEpoch == null || askedEpoch.equals(epoch)) && since <= lastId && since >= firstId - 1
        && lastId - since <= maxRecovery;
  }

  /** Whether messages older than the page's first are still kept. */
  public static boolean olderExist(List<ServerMessage> page, long firstId) {
    return !page.isEmpty() && idOf(page.get(0)) > firstId;
  }

  /** The id of a numbered room message. */
  public static long idOf(ServerMessage message) {
    if (message instanceof ServerMessage.ChatMessage chat) {
      return chat.id();
    }
    return ((ServerMessage.LocationMessage) message).id();
  }
}
