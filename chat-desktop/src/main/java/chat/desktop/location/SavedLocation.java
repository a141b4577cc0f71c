package chat.desktop.location;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;

/** The position the user set by hand, remembered in preferences. First in the chain: the user knows best. */
public final class SavedLocation implements LocationProvider {
  private static final String LATITUDE = "location.latitude";
  private static final String LONGITUDE = "location.longitude";

  private final Preferences preferences;

  public SavedLocation(Preferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public CompletableFuture<Optional<GeoPosition>> locate() {
    return CompletableFuture.completedFuture(current());
  }

  public Optional<GeoPosition> current() {
    String latitude = preferences.get(LATITUDE, null);
    String longitude = preferences.get(LONGITUDE, null);
    if (latitude == null || longitude == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(GeoPosition.parse(latitude, longitude));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public void save(GeoPosition position) {
    preferences.put(LATITUDE, Double.toString(position.latitude()));
    preferences.put(LONGITUDE, Double.toString(position.longitude()));
  }
}
