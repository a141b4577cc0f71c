package chat.desktop.app;

import chat.desktop.chat.LinkOpener;
import chat.desktop.location.IpLocationLookup;
import chat.desktop.location.LocationProvider;
import chat.desktop.net.Backoff;
import chat.desktop.net.ChatConnector;
import chat.desktop.net.ConnectionTimings;
import chat.desktop.net.HttpRoomDirectory;
import chat.desktop.net.RoomDirectory;
import chat.desktop.net.WebSocketChatConnector;
import chat.desktop.ui.FxUiThread;
import chat.desktop.ui.UiThread;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javax.net.ssl.SSLContext;

/**
 * Everything the windows need from outside, built once. The app uses {@link #standard}; tests build their own
 * with in-memory preferences, a recording link opener and short timeouts.
 *
 * @param lookups location sources tried after the position the user set (the IP lookup, when configured)
 */
public record AppContext(
    UiThread ui,
    ChatConnector connector,
    RoomDirectory directory,
    Preferences preferences,
    LinkOpener links,
    List<LocationProvider> lookups,
    Clock clock,
    ZoneId zone) {

  public AppContext {
    lookups = List.copyOf(lookups);
  }

  /** The app's services; {@code tls} is what https:// and wss:// trust (see {@code TrustedCertificates}). */
  public static AppContext standard(Preferences preferences, LinkOpener links, Optional<URI> ipLocation,
      SSLContext tls) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
    List<LocationProvider> lookups =
        ipLocation.<LocationProvider>map(endpoint -> new IpLocationLookup(http, endpoint)).stream().toList();
    return new AppContext(
        new FxUiThread(),
        new WebSocketChatConnector(http, Backoff::standard, ConnectionTimings.standard()),
        new HttpRoomDirectory(http),
        preferences,
        links,
        lookups,
        Clock.systemDefaultZone(),
        ZoneId.systemDefault());
  }
}
