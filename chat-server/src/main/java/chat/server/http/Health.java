package chat.server.http;

/**
 * What {@code /healthz} reports, as JSON. {@code status} is {@code "ok"} while the server serves (HTTP 200);
 * anything else answers 503, so a load balancer drains the node.
 *
 * @param rescues          stalled writes the write path's safety net had to restart: 0 in a healthy server
 * @param unexpectedErrors failures no client input should cause (bugs): 0 in a healthy server
 * @param store            where history is kept, e.g. {@code sqlite /srv/chat/data/chat.db}
 * @param storeProblem     why the store refuses writes (absent while it works): status is then "degraded"
 */
public record Health(String status, long uptimeSeconds, int connections, int rooms, long rescues,
    long unexpectedErrors, String store, String storeProblem) {
  public static final String OK = "ok";
  public static final String DEGRADED = "degraded";

  int httpStatus() {
    return OK.equals(status) ? 200 : 503;
  }

  /** Where the report comes from: the server that owns every part it counts. */
  public interface Check {
    Health now();
  }
}
