package chat.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's two connections to Redis: one for commands and scripts (so a node's scripts run in the order it
 * sent them), one for subscriptions. Set up to fail fast: while disconnected, commands are refused at once
 * rather than queued and replayed late, and every command times out after {@link #TIMEOUT}. Lettuce
 * reconnects both by itself, and re-subscribes the subscription connection's channels.
 */
final class RedisLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
  /** Every call's limit: a join or a send is refused within this when Redis does not answer. */
  static final Duration TIMEOUT = Duration.ofMillis(1500);

  private final URI uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> subscriptions;
  private final List<Runnable> reconnected = new CopyOnWriteArrayList<>();
  private volatile boolean commandsUp = true;
  private volatile boolean subscriptionsUp = true;
  private volatile boolean closing;
  /** False after a heartbeat went unanswered (a Redis that hangs keeps its connections up), until one is. */
  private volatile boolean answering = true;

  private RedisLink(URI uri, ClientResources resources, RedisClient client,
      StatefulRedisConnection<String, String> commands, StatefulRedisPubSubConnection<String, String> subscriptions) {
    this.uri = uri;
    this.resources = resources;
    this.client = client;
    this.commands = commands;
    this.subscriptions = subscriptions;
  }

  /** Connects both; throws {@link ClusterException} with one sentence when Redis cannot be reached. */
  static RedisLink connect(URI uri) {
    // Reconnect attempts at most a second apart, so delivery resumes within moments of Redis coming back.
    ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisURI target = RedisURI.create(uri);
    target.setTimeout(TIMEOUT);
    RedisClient client = RedisClient.create(resources, target);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).keepAlive(true).build())
        .build());
    try {
      StatefulRedisConnection<String, String> commands = client.connect();
      StatefulRedisPubSubConnection<String, String> subscriptions = client.connectPubSub();
      RedisLink link = new RedisLink(uri, resources, client, commands, subscriptions);
      client.addListener(link.new StateListener());
      return link;
    } catch (RedisException e) {
      client.shutdown(0, 2, TimeUnit.SECONDS);
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new ClusterException("Cannot reach Redis at " + redacted(uri) + " (--redis): " + rootMessage(e)
          + "; start Redis or point --redis at it", e);
    }
  }

  RedisAsyncCommands<String, String> commands() {
    return commands.async();
  }

  StatefulRedisPubSubConnection<String, String> subscriptions() {
    return subscriptions;
  }

  /** Runs {@code task} (on a Lettuce thread: hand work off) each time both connections are back after a loss. */
  void onReconnected(Runnable task) {
    reconnected.add(task);
  }

  /** Null while both connections are up and Redis answers; else a sentence for {@code /healthz}. */
  String problem() {
    if (!commandsUp || !subscriptionsUp) {
      return describe() + " is unreachable; reconnecting";
    }
    return answering ? null : describe() + " does not answer in time";
  }

  /** The heartbeat's call was answered (or not): a connected Redis that stops answering shows on /healthz. */
  void answered(boolean yes) {
    if (answering != yes) {
      if (yes) {
        log.warn("Redis {} answers again", safeUri());
      } else {
        log.error("Redis {} did not answer a heartbeat within {} ms", safeUri(), TIMEOUT.toMillis());
      }
    }
    answering = yes;
  }

  /** The Redis URL without any password in it, for logs and /healthz. */
  String describe() {
    return "redis " + safeUri();
  }

  private String safeUri() {
    return redacted(uri);
  }

  @Override
  public void close() {
    closing = true;
    subscriptions.close();
    commands.close();
    client.shutdown(0, 2, TimeUnit.SECONDS);
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private static String redacted(URI uri) {
    return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  /** Follows both connections, so that /healthz and the acks say when Redis is gone. */
  private final class StateListener implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
      boolean wasDown = commandsUp != subscriptionsUp || !commandsUp;
      mark(connection, true);
      if (wasDown && commandsUp && subscriptionsUp) {
        log.warn("Redis {} is back", safeUri());
        reconnected.forEach(Runnable::run);
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      if (problem() == null && !closing) {
        log.error("Lost the connection to Redis {}; refusing joins and sends until it is back", safeUri());
      }
      mark(connection, false);
    }

    private void mark(RedisChannelHandler<?, ?> connection, boolean up) {
      if (connection == subscriptions) {
        subscriptionsUp = up;
      } else {
        commandsUp = up;
      }
    }
  }
}
