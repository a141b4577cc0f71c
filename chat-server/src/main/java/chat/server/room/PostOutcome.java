package chat.server.room;

import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.Ack;
import chat.server.metrics.RequestKind;

/**
 * What a member's post sends once the room's log has answered: the message to the whole room, the sender
 * included, then the sender's ack with the id; a repeat is acked with the first post's id, a failure refused.
 */
final class PostOutcome implements RoomLog.Outcome {
  private final String room;
  private final RoomParts parts;
  private final Peer sender;
  private final long ref;
  private final long startNanos;

  PostOutcome(String room, RoomParts parts, Peer sender, long ref) {
    this.room = room;
    this.parts = parts;
    this.sender = sender;
    this.ref = ref;
    this.startNanos = parts.metrics().startNanos();
  }

  @Override
  public void posted(ServerMessage numbered, long id) {
    parts.bus().publish(room, numbered);
    sender.send(Ack.posted(ref, id));
    parts.metrics().posted(startNanos);
  }

  @Override
  public void repeated(long id) {
    parts.metrics().repeated();
    sender.send(Ack.posted(ref, id));
  }

  @Override
  public void failed() {
    parts.metrics().refused(RequestKind.MESSAGE, ErrorCode.UNAVAILABLE);
    sender.send(Rejection.COULD_NOT_SAVE.ack(ref));
  }
}
