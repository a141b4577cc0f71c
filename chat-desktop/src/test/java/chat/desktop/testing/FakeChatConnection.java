package chat.desktop.testing;

import chat.desktop.net.ChatConnection;
import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connection the test drives by hand: it records requests and lets the test answer them. */
public final class FakeChatConnection implements ChatConnection {
  /**
   * A request and the future the test completes to answer it: with null, a send's id, or a load's history.
   */
  public record Request(ClientMessage message, CompletableFuture<Object> answer) {}

  private final List<Request> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<ServerMessage> backlog = new ArrayList<>();
  private ConnectionStatus status = ConnectionStatus.of(ConnectionState.ONLINE);
  private int reconnectsAskedFor;
  private Listener listener;
  private boolean closed;

  @Override
  public CompletableFuture<Void> join(String username, String room) {
    return record(new ClientMessage.Join(requests.size() + 1, username, room)).thenApply(answer -> null);
  }

  @Override
  public CompletableFuture<Long> sendMessage(String text, String clientId) {
    return record(new ClientMessage.SendMessage(requests.size() + 1, text, clientId))
        .thenApply(answer -> (Long) answer);
  }

  @Override
  public CompletableFuture<Void> sendLocation(double latitude, double longitude) {
    return record(new ClientMessage.SendLocation(requests.size() + 1, latitude, longitude))
        .thenApply(answer -> null);
  }

  @Override
  public CompletableFuture<ServerMessage.History> loadHistory(Long before, int limit) {
    return record(new ClientMessage.LoadHistory(requests.size() + 1, before, limit))
        .thenApply(answer -> (ServerMessage.History) answer);
  }

  @Override
  public ConnectionStatus status() {
    return status;
  }

  @Override
  public void setListener(Listener next) {
    listener = next;
    backlog.forEach(next::onServerMessage);
    backlog.clear();
    next.onStatusChanged(status);
  }

  @Override
  public void close() {
    closed = true;
    status = ConnectionStatus.of(ConnectionState.CLOSED);
  }

  /** Delivers a server message as the network would. */
  public void receive(ServerMessage message) {
    if (listener == null) {
      backlog.add(message);
    } else {
      listener.onServerMessage(message);
    }
  }

  @Override
  public void reconnectNow() {
    reconnectsAskedFor++;
  }

  /** How many times "Reconnect now" was asked for. */
  public int reconnectsAskedFor() {
    return reconnectsAskedFor;
  }

  public void changeStatus(ConnectionStatus next) {
    status = next;
    if (listener != null) {
      listener.onStatusChanged(next);
    }
  }

  public List<Request> requests() {
    return requests;
  }

  public Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  public boolean isClosed() {
    return closed;
  }

  /** The requests of one kind, in order. */
  public <T extends ClientMessage> List<T> sent(Class<T> kind) {
    return requests.stream().map(Request::message).filter(kind::isInstance).map(kind::cast).toList();
  }

  private CompletableFuture<Object> record(ClientMessage message) {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    requests.add(new Request(message, answer));
    return answer;
  }
}
