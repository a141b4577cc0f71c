package chat.desktop.location;

/** A latitude/longitude pair in degrees, always within the valid ranges. */
public record GeoPosition(double latitude, double longitude) {
  public GeoPosition {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("Latitude must be between -90 and 90");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("Longitude must be between -180 and 180");
    }
  }

  /**
   * Parses what a user typed (a dot as the decimal separator).
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static GeoPosition parse(String latitude, String longitude) {
    return new GeoPosition(number(latitude, "Latitude", "51.5007"), number(longitude, "Longitude", "-0.1246"));
  }

  private static double number(String text, String name, String example) {
    try {
      return Double.parseDouble(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, like " + example);
    }
  }
}
