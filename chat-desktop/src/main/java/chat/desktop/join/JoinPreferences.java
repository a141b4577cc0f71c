package chat.desktop.join;

import java.util.prefs.Preferences;

/** The join dialog's remembered fields. The node is injected so tests never touch the user's preferences. */
public final class JoinPreferences {
  public static final String DEFAULT_SERVER = "http://localhost:3000";

  private static final String SERVER = "join.server";
  private static final String USERNAME = "join.username";
  private static final String ROOM = "join.room";

  private final Preferences preferences;

  public JoinPreferences(Preferences preferences) {
    this.preferences = preferences;
  }

  public String server() {
    return preferences.get(SERVER, DEFAULT_SERVER);
  }

  public String username() {
    return preferences.get(USERNAME, "");
  }

  public String room() {
    return preferences.get(ROOM, "");
  }

  public void remember(String server, String username, String room) {
    preferences.put(SERVER, server);
    preferences.put(USERNAME, username);
    preferences.put(ROOM, room);
  }
}
