package chat.server.cluster;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One of the cluster's Lua scripts (resources next to this class), run atomically by Redis. It is called by its
 * SHA-1, and sent whole only when Redis does not know it (the first call, or after Redis restarted).
 */
final class LuaScript {
  private final String name;
  private final String source;
  private final String sha;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
    this.sha = sha1(source);
  }

  static LuaScript named(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name + ".lua");
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs it; the stage fails like the command would (refused while disconnected, timed out, a script error). */
  <T> CompletionStage<T> run(RedisAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys,
      String... args) {
    CompletableFuture<T> result = new CompletableFuture<>();
    redis.<T>evalsha(sha, type, keys, args).whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
      } else if (isNoScript(error)) {
        redis.<T>eval(source, type, keys, args).whenComplete((again, failure) -> {
          if (failure == null) {
            result.complete(again);
          } else {
            result.completeExceptionally(failure);
          }
        });
      } else {
        result.completeExceptionally(error);
      }
    });
    return result;
  }

  @Override
  public String toString() {
    return name + ".lua";
  }

  private static boolean isNoScript(Throwable error) {
    return error instanceof RedisNoScriptException
        || (error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT"));
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
